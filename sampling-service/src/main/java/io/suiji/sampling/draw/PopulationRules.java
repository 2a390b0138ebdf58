package io.suiji.sampling.draw;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.draw.PopulationEntry;
import io.suiji.platform.security.RegionScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Freezing a draw's population, as plain Java: which entities match the task's filter, which of
 * them are excluded and why, and the population line (id, weight, stratum) of each that remains.
 * Strata are region × risk class, named {@code <region>/<class>} with class A–D, or U when the
 * entity has no credit grade.
 */
public final class PopulationRules {

    public static final String UNGRADED = "U";

    /**
     * @param targetTypes       an entity matches if it has one of them (empty = any)
     * @param regions           an entity matches if one of these scopes covers its region
     * @param riskClasses       A–D, U (empty = any)
     * @param today             the commit date, for the exclusion window
     * @param windowDays        inspected for the same matter within this many days → excluded
     * @param annualCap         this many inspections by the draw's department in the plan's year → excluded
     * @param annualCapWithoutViolation the same cap for targets with no violation found in the year before
     *                          (e.g. 1: at most once a year); a cap above {@code annualCap} has no effect
     * @param priorityWeighting weights 1 + complaints + 2 × serious violation instead of 1
     */
    public record Rules(Set<String> targetTypes, List<RegionScope> regions, Set<String> riskClasses, LocalDate today,
                        int windowDays, int annualCap, int annualCapWithoutViolation, boolean priorityWeighting) {
    }

    /** An excluded entity and its (first) reason. */
    public record Excluded(String entityId, Exclusion reason) {
    }

    /** The frozen population: its entries, the exclusions, and their counts by reason (every reason listed). */
    public record Frozen(List<PopulationEntry> entries, List<Excluded> excluded, Map<String, Long> counts) {
    }

    private PopulationRules() {
    }

    public static Frozen freeze(Iterable<EntityFacts> candidates, Rules rules) {
        List<PopulationEntry> entries = new ArrayList<>();
        Freezer freezer = new Freezer(rules, entries::add);
        candidates.forEach(freezer::accept);
        return new Frozen(entries, freezer.excluded(), freezer.counts());
    }

    /**
     * Freezes candidates one at a time, as they come from the database: a province's million
     * entities are never held as facts, only their population lines (in the consumer) and the
     * exclusions with their reasons.
     */
    public static final class Freezer {
        private final Rules rules;
        private final Consumer<PopulationEntry> eligible;
        private final List<Excluded> excluded = new ArrayList<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        public Freezer(Rules rules, Consumer<PopulationEntry> eligible) {
            this.rules = rules;
            this.eligible = eligible;
            for (Exclusion reason : Exclusion.values()) {
                counts.put(reason.label(), 0L);
            }
        }

        public void accept(EntityFacts entity) {
            if (!matches(entity, rules)) {
                return;
            }
            Optional<Exclusion> reason = exclusion(entity, rules);
            if (reason.isPresent()) {
                excluded.add(new Excluded(entity.id(), reason.get()));
                counts.merge(reason.get().label(), 1L, Long::sum);
            } else {
                eligible.accept(new PopulationEntry(entity.id(), weight(entity, rules.priorityWeighting()),
                        stratum(entity)));
            }
        }

        public List<Excluded> excluded() {
            return excluded;
        }

        /** Counts by reason, every reason listed. */
        public Map<String, Long> counts() {
            return counts;
        }
    }

    public static boolean matches(EntityFacts entity, Rules rules) {
        if (!rules.targetTypes().isEmpty() && entity.targetTypes().stream().noneMatch(rules.targetTypes()::contains)) {
            return false;
        }
        if (rules.regions().stream().noneMatch(scope -> scope.covers(entity.region()))) {
            return false;
        }
        return rules.riskClasses().isEmpty() || rules.riskClasses().contains(riskClass(entity));
    }

    public static Optional<Exclusion> exclusion(EntityFacts entity, Rules rules) {
        if (entity.deregisteredOn() != null && !entity.deregisteredOn().isAfter(rules.today())) {
            return Optional.of(Exclusion.DEREGISTERED);
        }
        if (entity.openCase()) {
            return Optional.of(Exclusion.OPEN_CASE);
        }
        if (entity.selectedEarlier()) {
            return Optional.of(Exclusion.SELECTED_IN_EARLIER_BATCH);
        }
        if (entity.lastInspected() != null
                && entity.lastInspected().isAfter(rules.today().minusDays(rules.windowDays()))) {
            return Optional.of(Exclusion.INSPECTED_WITHIN_WINDOW);
        }
        if (entity.departmentInspectionsThisYear() >= rules.annualCap()) {
            return Optional.of(Exclusion.ANNUAL_CAP_REACHED);
        }
        if (!violationLastYear(entity) && entity.departmentInspectionsThisYear() >= rules.annualCapWithoutViolation()) {
            return Optional.of(Exclusion.ANNUAL_CAP_WITHOUT_VIOLATION);
        }
        return Optional.empty();
    }

    /**
     * 违法违规: every outcome except 未发现问题 and 未发现开展本次抽查涉及的经营活动 — a problem found, corrected
     * or not, a sanction, unreachable at the registered address, refusing the inspection, a referral.
     */
    public static boolean isViolation(Outcome outcome) {
        return outcome != Outcome.NO_PROBLEM && outcome != Outcome.NO_RELEVANT_ACTIVITY;
    }

    /** Whether an inspection closed in the year before the plan's found a violation (never inspected: no). */
    public static boolean violationLastYear(EntityFacts entity) {
        return entity.outcomesLastYear().stream().anyMatch(PopulationRules::isViolation);
    }

    public static String riskClass(EntityFacts entity) {
        return entity.creditClass() == null ? UNGRADED : entity.creditClass();
    }

    public static String stratum(EntityFacts entity) {
        return entity.region() + "/" + riskClass(entity);
    }

    /** The region part of a stratum name. */
    public static String regionOf(String stratum) {
        int slash = stratum.lastIndexOf('/');
        return slash < 0 ? stratum : stratum.substring(0, slash);
    }

    public static String classOf(String stratum) {
        int slash = stratum.lastIndexOf('/');
        return slash < 0 ? UNGRADED : stratum.substring(slash + 1);
    }

    /** Complaint-heavy and seriously violating entities weigh more in priority-weighted draws. */
    public static String weight(EntityFacts entity, boolean priorityWeighting) {
        if (!priorityWeighting) {
            return "1";
        }
        return Integer.toString(1 + Math.max(0, entity.complaints()) + (entity.seriousViolation() ? 2 : 0));
    }
}
