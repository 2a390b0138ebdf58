package io.suiji.registry.importing;

import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.identity.PersonalIds;
import io.suiji.registry.identity.ResidentId;
import io.suiji.registry.identity.Uscc;
import io.suiji.registry.inspector.InspectorFacts;
import io.suiji.registry.inspector.InspectorRules;
import io.suiji.registry.region.Regions;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a row of an inspector import into an {@link InspectorRow} or a reason, with the rules of
 * the API ({@link InspectorRules}). Plain Java.
 *
 * <p>请假期间: {@code 2025-07-01至2025-07-10}, several separated by {@code ；}. 利害关系申报:
 * {@code 代码:原因[:申报日期]}, several separated by {@code ；}, the code being the entity's unified
 * social credit code (or other code) as registered, or an individual's ID number.
 */
public final class InspectorRowParser {

    private static final Pattern ITEMS = Pattern.compile("[；;\\n]+");
    private static final Pattern LEAVE_ITEMS = Pattern.compile("[；;、,，\\n]+");
    private static final Pattern RANGE = Pattern.compile("\\s*(?:至|到|~|～|—|--)\\s*");
    private static final Pattern PARTS = Pattern.compile("\\s*[:：]\\s*");
    private static final Map<String, String> FIELDS = Map.of(
            "name", InspectorColumn.NAME.header(),
            "certificateNumber", InspectorColumn.CERTIFICATE.header(),
            "department", InspectorColumn.DEPARTMENT.header(),
            "region", InspectorColumn.REGION.header(),
            "expertise", InspectorColumn.EXPERTISE.header(),
            "status", InspectorColumn.STATUS.header(),
            "leaves", InspectorColumn.LEAVES.header());

    private final HeaderMap<InspectorColumn> headers;
    private final String scopePrefix;
    private final LocalDate today;
    private final PersonalIds personalIds;
    private final Set<InspectorColumn> present;

    public InspectorRowParser(HeaderMap<InspectorColumn> headers, String scopePrefix, LocalDate today, PersonalIds personalIds) {
        this.headers = headers;
        this.scopePrefix = scopePrefix;
        this.today = today;
        this.personalIds = personalIds;
        EnumSet<InspectorColumn> columns = EnumSet.noneOf(InspectorColumn.class);
        for (InspectorColumn c : InspectorColumn.values()) {
            if (headers.has(c)) {
                columns.add(c);
            }
        }
        this.present = Set.copyOf(columns);
    }

    public record Outcome(InspectorRow row, String reason) {
    }

    public Outcome parse(long number, List<String> cells) {
        List<FieldProblem> problems = new ArrayList<>();
        String regionCell = headers.cell(cells, InspectorColumn.REGION);
        String region = Regions.resolve(regionCell).map(r -> r.code()).orElse(regionCell);
        InspectorStatus status = status(headers.cell(cells, InspectorColumn.STATUS), problems);
        List<Leave> leaves = leaves(headers.cell(cells, InspectorColumn.LEAVES), problems);
        List<InspectorRow.ConflictRef> conflicts = conflicts(headers.cell(cells, InspectorColumn.CONFLICTS), problems);
        String certificate = Cells.text(headers.cell(cells, InspectorColumn.CERTIFICATE));
        if (certificate == null) {
            problems.add(new FieldProblem(InspectorColumn.CERTIFICATE.header(),
                    "the 执法证号 is required: an import finds inspectors by it"));
        }
        InspectorFacts facts = new InspectorFacts(headers.cell(cells, InspectorColumn.NAME), certificate,
                headers.cell(cells, InspectorColumn.DEPARTMENT), region,
                Cells.list(headers.cell(cells, InspectorColumn.EXPERTISE)), status, leaves, List.of());
        InspectorRules.Checked checked = InspectorRules.check(facts, today);
        for (FieldProblem p : checked.problems()) {
            String field = p.field().startsWith("leaves") ? InspectorColumn.LEAVES.header()
                    : FIELDS.getOrDefault(p.field(), p.field());
            problems.add(new FieldProblem(field, p.message()));
        }
        if (checked.valid() && !region.startsWith(scopePrefix)) {
            problems.add(new FieldProblem(InspectorColumn.REGION.header(), region + " is outside your region"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, EntityRowParser.reason(problems));
        }
        return new Outcome(new InspectorRow(number, checked.facts(), conflicts, present), null);
    }

    private static InspectorStatus status(String cell, List<FieldProblem> problems) {
        String s = Cells.text(cell);
        if (s == null) {
            return InspectorStatus.ACTIVE;
        }
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "在岗", "在职", "正常", "ACTIVE" -> InspectorStatus.ACTIVE;
            case "请假", "休假", "ON_LEAVE" -> InspectorStatus.ON_LEAVE;
            case "退出", "退休", "调离", "RETIRED" -> {
                problems.add(new FieldProblem(InspectorColumn.STATUS.header(),
                        s + ": retirement is recorded with its date and reason through POST /api/v1/inspectors/{id}/retire"));
                yield InspectorStatus.ACTIVE;
            }
            default -> {
                problems.add(new FieldProblem(InspectorColumn.STATUS.header(), s + " is not 在岗 or 请假"));
                yield InspectorStatus.ACTIVE;
            }
        };
    }

    private static List<Leave> leaves(String cell, List<FieldProblem> problems) {
        List<Leave> leaves = new ArrayList<>();
        String s = Cells.text(cell);
        if (s == null) {
            return leaves;
        }
        for (String item : LEAVE_ITEMS.split(Normalizer.normalize(s, Normalizer.Form.NFKC))) {
            if (item.isBlank()) {
                continue;
            }
            String[] ends = RANGE.split(item.strip());
            try {
                if (ends.length == 1) {
                    LocalDate day = Cells.date(ends[0]);
                    leaves.add(new Leave(day, day));
                } else if (ends.length == 2) {
                    leaves.add(new Leave(Cells.date(ends[0]), Cells.date(ends[1])));
                } else {
                    throw new Cells.CellException(item + " is not a period");
                }
            } catch (Cells.CellException e) {
                problems.add(new FieldProblem(InspectorColumn.LEAVES.header(),
                        e.getMessage() + " (write 2025-07-01至2025-07-10; several separated by ；)"));
            }
        }
        return leaves;
    }

    private List<InspectorRow.ConflictRef> conflicts(String cell, List<FieldProblem> problems) {
        List<InspectorRow.ConflictRef> refs = new ArrayList<>();
        String s = Cells.text(cell);
        if (s == null) {
            return refs;
        }
        for (String item : ITEMS.split(s)) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = PARTS.split(item.strip(), 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.add(new FieldProblem(InspectorColumn.CONFLICTS.header(),
                        item.strip() + " is not 代码:原因[:申报日期] (e.g. 91410400MA40A1B281:原工作单位:2024-05-01)"));
                continue;
            }
            LocalDate declared = today;
            if (parts.length == 3) {
                try {
                    declared = Cells.date(parts[2]);
                } catch (Cells.CellException e) {
                    problems.add(new FieldProblem(InspectorColumn.CONFLICTS.header(), e.getMessage()));
                    continue;
                }
            }
            String code = Normalizer.normalize(parts[0], Normalizer.Form.NFKC).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            // An all-digit unified code looks like an ID number: the unified code wins when it checks.
            if (!Uscc.isValid(code) && ResidentId.looksLikeOne(code)) {
                code = personalIds.hash(code);
            }
            refs.add(new InspectorRow.ConflictRef(code, parts[1].strip(), declared));
        }
        return refs;
    }
}
