package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import io.suiji.catalog.matter.MatterHistory;
import io.suiji.catalog.matter.MatterRules;
import io.suiji.catalog.matter.MatterVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a parsed sheet with the catalogue and decides, row by row, what an import does.
 *
 * <p>The attachment has no code column, so a row is matched to a live (not retired) matter by its
 * name, 抽查事项 — the key a bureau itself uses. A row whose name is new creates a matter, coded
 * {@code <prefix>-<nn>}: {@code nn} is the row's 序号 when that code is free (so the nine matters
 * of 平人社办〔2020〕47号 with prefix PDS-2020 become PDS-2020-01 … PDS-2020-09), else the next
 * number after the highest in use with that prefix.
 *
 * <p>Every row is checked against the publication rules; problems carry the cell they are in.
 */
public final class ImportPlanner {

    private ImportPlanner() {
    }

    public static ImportPlan plan(ParsedSheet sheet, List<MatterHistory> catalogue, String codePrefix,
            LocalDate effectiveFrom) {
        List<CellProblem> problems = new ArrayList<>(sheet.problems());
        if (!MatterRules.checkCode(codePrefix + "-01").isEmpty()) {
            problems.add(new CellProblem("codePrefix", "代码前缀 " + codePrefix
                    + " must be letters, digits, '-' or '_' (at most 36)"));
        }
        for (ParsedSheet.Row row : sheet.rows()) {
            for (MatterRules.Violation v : MatterRules.checkPublishable(row.content())) {
                Optional<MatterColumn> column = MatterColumn.ofField(v.field());
                if (column.isPresent() && row.unreadable().contains(column.get())) {
                    continue; // already reported as unreadable
                }
                problems.add(new CellProblem(column.map(c -> c.cell(row.number())).orElse("A" + row.number()),
                        v.message()));
            }
        }
        reportDuplicates(sheet, problems);

        Map<String, List<MatterHistory>> liveByName = new HashMap<>();
        for (MatterHistory history : catalogue) {
            if (!history.retired()) {
                liveByName.computeIfAbsent(history.latest().content().name(), n -> new ArrayList<>()).add(history);
            }
        }
        Set<String> matched = new HashSet<>();
        List<ImportPlan.Row> rows = new ArrayList<>();
        List<ParsedSheet.Row> creations = new ArrayList<>();
        for (ParsedSheet.Row row : sheet.rows()) {
            MatterContent content = row.content();
            List<MatterHistory> matches = liveByName.getOrDefault(content.name(), List.of());
            if (matches.size() > 1) {
                problems.add(new CellProblem(MatterColumn.NAME.cell(row.number()), "抽查事项 " + content.name()
                        + " matches several matters: " + matches.stream().map(MatterHistory::code).toList()));
                rows.add(new ImportPlan.Row(row.number(), null, null, content, List.of(), null));
                continue;
            }
            if (matches.isEmpty()) {
                creations.add(row);
                rows.add(null); // coded below, once every row's wish is known
                continue;
            }
            MatterHistory history = matches.get(0);
            MatterVersion latest = history.latest();
            matched.add(history.code());
            List<MatterColumn> changes = content.differencesFrom(latest.content());
            ImportPlan.Action action = latest.draft() ? ImportPlan.Action.PUBLISH_DRAFT
                    : changes.isEmpty() ? ImportPlan.Action.UNCHANGED : ImportPlan.Action.REVISE;
            if (action != ImportPlan.Action.UNCHANGED) {
                history.lastEffectiveFrom().filter(effectiveFrom::isBefore).ifPresent(last -> problems.add(
                        new CellProblem("effectiveFrom", "row " + row.number() + " (" + history.code()
                                + "): the current version took effect on " + last + "; a revision cannot take effect on "
                                + effectiveFrom)));
            }
            rows.add(new ImportPlan.Row(row.number(), action, history.code(), content, changes, latest.version()));
        }
        Map<ParsedSheet.Row, String> codes = allocateCodes(creations, catalogue, codePrefix);
        int c = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                ParsedSheet.Row row = creations.get(c++);
                rows.set(i, new ImportPlan.Row(row.number(), ImportPlan.Action.CREATE, codes.get(row), row.content(),
                        List.of(MatterColumn.values()), null));
            }
        }
        List<String> notInFile = catalogue.stream()
                .filter(h -> !h.retired() && !h.latest().draft() && !matched.contains(h.code()))
                .map(MatterHistory::code)
                .toList();
        return new ImportPlan(rows, problems, notInFile);
    }

    // Two rows of one name would be one matter twice. (Two rows of one 序号 are fine: it only orders
    // the printed list, and the catalogue does not forbid it, so an export may well contain them.)
    private static void reportDuplicates(ParsedSheet sheet, List<CellProblem> problems) {
        Map<String, Integer> names = new HashMap<>();
        for (ParsedSheet.Row row : sheet.rows()) {
            String name = row.content().name();
            if (name != null && !name.isEmpty()) {
                Integer first = names.putIfAbsent(name, row.number());
                if (first != null) {
                    problems.add(new CellProblem(MatterColumn.NAME.cell(row.number()),
                            "抽查事项 " + name + " also appears in row " + first));
                }
            }
        }
    }

    private static Map<ParsedSheet.Row, String> allocateCodes(List<ParsedSheet.Row> creations,
            List<MatterHistory> catalogue, String prefix) {
        Set<String> taken = new HashSet<>();
        catalogue.forEach(h -> taken.add(h.code()));
        Map<ParsedSheet.Row, String> codes = new HashMap<>();
        // First every row whose 序号 gives a free code, then the others after the highest number in use.
        for (ParsedSheet.Row row : creations) {
            Integer order = row.content().displayOrder();
            if (order != null) {
                String wanted = code(prefix, order);
                if (taken.add(wanted)) {
                    codes.put(row, wanted);
                }
            }
        }
        Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "-(\\d+)");
        int next = taken.stream().map(numbered::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
        for (ParsedSheet.Row row : creations) {
            if (!codes.containsKey(row)) {
                while (!taken.add(code(prefix, next))) {
                    next++;
                }
                codes.put(row, code(prefix, next++));
            }
        }
        return codes;
    }

    private static String code(String prefix, int number) {
        return prefix + "-" + String.format("%02d", number);
    }
}
