package io.suiji.registry.importing;

import io.suiji.contracts.registry.CreditClass;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.entity.EntityFacts;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.region.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a row of an entity import into an {@link EntityRow} or a reason, with the same rules as
 * the API ({@link EntityRules}), each problem named by its column header. Plain Java.
 */
public final class EntityRowParser {

    private static final Map<String, EntityColumn> FIELDS = Map.of(
            "code", EntityColumn.CODE,
            "name", EntityColumn.NAME,
            "targetTypes", EntityColumn.TARGET_TYPES,
            "region", EntityColumn.REGION,
            "address", EntityColumn.ADDRESS,
            "creditClassDate", EntityColumn.CREDIT_CLASS_DATE,
            "complaintsLast12Months", EntityColumn.COMPLAINTS,
            "registeredOn", EntityColumn.REGISTERED_ON);

    private final HeaderMap<EntityColumn> headers;
    private final EntityRules rules;
    private final String scopePrefix;
    private final LocalDate today;
    private final Set<EntityColumn> present;

    /** @param scopePrefix rows outside this region prefix (the importer's) are rejected */
    public EntityRowParser(HeaderMap<EntityColumn> headers, EntityRules rules, String scopePrefix, LocalDate today) {
        this.headers = headers;
        this.rules = rules;
        this.scopePrefix = scopePrefix;
        this.today = today;
        EnumSet<EntityColumn> columns = EnumSet.noneOf(EntityColumn.class);
        for (EntityColumn c : EntityColumn.values()) {
            if (headers.has(c)) {
                columns.add(c);
            }
        }
        this.present = Set.copyOf(columns);
    }

    /** A parsed row, or the reason it is rejected. */
    public record Outcome(EntityRow row, String reason) {
    }

    public Outcome parse(long number, List<String> cells) {
        List<FieldProblem> problems = new ArrayList<>();
        String regionCell = headers.cell(cells, EntityColumn.REGION);
        String region = Regions.resolve(regionCell).map(r -> r.code()).orElse(regionCell);
        CreditClass credit = read(problems, cells, EntityColumn.CREDIT_CLASS, EntityRowParser::creditClass);
        LocalDate creditDate = read(problems, cells, EntityColumn.CREDIT_CLASS_DATE, Cells::date);
        Integer complaints = read(problems, cells, EntityColumn.COMPLAINTS, Cells::count);
        Boolean serious = read(problems, cells, EntityColumn.SERIOUS_VIOLATION, Cells::yesNo);
        Boolean abnormal = read(problems, cells, EntityColumn.ABNORMAL_OPERATION, Cells::yesNo);
        Boolean insured = read(problems, cells, EntityColumn.INSURED, Cells::yesNo);
        LocalDate registeredOn = read(problems, cells, EntityColumn.REGISTERED_ON, Cells::date);
        LocalDate deregisteredOn = read(problems, cells, EntityColumn.DEREGISTERED_ON, Cells::date);

        EntityFacts facts = new EntityFacts(headers.cell(cells, EntityColumn.NAME),
                Cells.list(headers.cell(cells, EntityColumn.TARGET_TYPES)), region,
                Cells.text(headers.cell(cells, EntityColumn.ADDRESS)), credit, creditDate,
                complaints == null ? 0 : complaints, Boolean.TRUE.equals(serious), Boolean.TRUE.equals(abnormal),
                Boolean.TRUE.equals(insured), registeredOn);
        // The same rules as the API, each problem named by its column.
        EntityRules.Checked checked = rules.check(headers.cell(cells, EntityColumn.CODE), facts, today);
        for (FieldProblem p : checked.problems()) {
            problems.add(new FieldProblem(FIELDS.getOrDefault(p.field(), EntityColumn.CODE).header(), p.message()));
        }
        if (checked.valid() && !region.startsWith(scopePrefix)) {
            problems.add(new FieldProblem(EntityColumn.REGION.header(), region + " is outside your region"));
        }
        if (deregisteredOn != null) {
            problems.addAll(EntityRules.checkDeregistration(deregisteredOn, registeredOn, today,
                    EntityColumn.DEREGISTERED_ON.header()));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(p -> order(p.field())));
            return new Outcome(null, reason(problems));
        }
        return new Outcome(new EntityRow(number, checked.code(), checked.kind(), checked.residentId(), checked.facts(),
                deregisteredOn, present), null);
    }

    private static int order(String header) {
        for (EntityColumn c : EntityColumn.values()) {
            if (c.header().equals(header)) {
                return c.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** "column: message; column: message", in column order. */
    static String reason(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    private <T> T read(List<FieldProblem> problems, List<String> cells, EntityColumn column, Function<String, T> reader) {
        String cell = headers.cell(cells, column);
        if (cell == null) {
            return null;
        }
        try {
            return reader.apply(cell);
        } catch (Cells.CellException e) {
            problems.add(new FieldProblem(column.header(), e.getMessage()));
            return null;
        }
    }

    private static CreditClass creditClass(String cell) {
        String s = Cells.text(cell);
        if (s == null) {
            return null;
        }
        String letter = s.toUpperCase(Locale.ROOT).replace("级", "").strip();
        try {
            return CreditClass.valueOf(letter);
        } catch (IllegalArgumentException e) {
            throw new Cells.CellException(s + " is not one of A, B, C, D");
        }
    }
}
