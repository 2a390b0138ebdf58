package io.suiji.sampling.draw;

import io.suiji.contracts.registry.Leave;
import io.suiji.platform.security.RegionScope;
import io.suiji.sampling.plan.MatterRule;
import io.suiji.sampling.plan.PlanContent.Task;
import io.suiji.sampling.plan.PlanRules;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may inspect a target, as plain Java (DESIGN §5, SUIJI-SHA256-1 §12). Rules that do not depend
 * on the target decide the draw's pool at commit; rules about the target (region, conflict of
 * interest, rotation) decide each target's eligible list when the draw runs.
 */
public final class InspectorRules {

    /** Why an inspector is not eligible, in the order checked. */
    public enum Rejection {
        OUTSIDE_REGION("outside the region"),
        EXPERTISE("expertise does not match the matter"),
        DEPARTMENT("not of the task's departments"),
        LEVEL("not of the plan's level"),
        NOT_ACTIVE("not active"),
        NOT_CERTIFIED("no law-enforcement certificate"),
        ON_LEAVE("on leave during the batch"),
        CONFLICT("declared a conflict of interest with the target"),
        PREVIOUS_INSPECTOR("inspected the target last time (rotation)");

        private final String label;

        Rejection(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param expertiseTerms matter codes, names and target types an inspector's expertise may name
     * @param departments    the task's departments when the plan asks for the same department, else empty
     * @param sameLevel      whether inspectors must be of the plan's level (city / county)
     */
    public record PoolRules(Set<String> expertiseTerms, Set<String> departments, boolean sameLevel, String planRegion,
                            LocalDate batchStart, LocalDate batchEnd) {

        /**
         * The pool rules of a task's batch: expertise may name a matter code, a matter name or a
         * target type. Used at commit and again for manual adjustments, which must meet the same rules.
         */
        public static PoolRules of(Task task, Map<String, MatterRule> matters, String planRegion, LocalDate batchStart,
                                   LocalDate batchEnd) {
            Set<String> terms = new LinkedHashSet<>(task.matterCodes());
            task.matterCodes().stream().map(matters::get).filter(m -> m != null).forEach(m -> terms.add(m.name()));
            terms.addAll(PlanRules.targetTypes(task, matters));
            return new PoolRules(terms, task.groups().sameDepartment() ? new LinkedHashSet<>(task.departments()) : Set.of(),
                    task.groups().sameLevel(), planRegion, batchStart, batchEnd);
        }
    }

    private InspectorRules() {
    }

    public static Optional<Rejection> poolRejection(InspectorFacts inspector, PoolRules rules) {
        // Who could work on the task at all comes first, so that counts speak of the relevant people.
        if (!overlapping(inspector.region(), rules.planRegion())) {
            return Optional.of(Rejection.OUTSIDE_REGION);
        }
        if (inspector.expertise().stream().noneMatch(rules.expertiseTerms()::contains)) {
            return Optional.of(Rejection.EXPERTISE);
        }
        if (!rules.departments().isEmpty() && !rules.departments().contains(inspector.department())) {
            return Optional.of(Rejection.DEPARTMENT);
        }
        if (rules.sameLevel() && isCity(inspector.region()) != isCity(rules.planRegion())) {
            return Optional.of(Rejection.LEVEL);
        }
        if (!"ACTIVE".equals(inspector.status())) {
            return Optional.of(Rejection.NOT_ACTIVE);
        }
        if (!inspector.certified()) {
            return Optional.of(Rejection.NOT_CERTIFIED);
        }
        for (Leave leave : inspector.leaves()) {
            if (overlaps(leave, rules.batchStart(), rules.batchEnd())) {
                return Optional.of(Rejection.ON_LEAVE);
            }
        }
        return Optional.empty();
    }

    /**
     * @param previousInspectors the group of the target's last inspection, if known
     */
    public static Optional<Rejection> targetRejection(InspectorFacts inspector, String targetId, String targetRegion,
                                                      Collection<String> previousInspectors) {
        if (!covers(inspector.region(), targetRegion)) {
            return Optional.of(Rejection.OUTSIDE_REGION);
        }
        if (inspector.conflicts().contains(targetId)) {
            return Optional.of(Rejection.CONFLICT);
        }
        if (previousInspectors.contains(inspector.id())) {
            return Optional.of(Rejection.PREVIOUS_INSPECTOR);
        }
        return Optional.empty();
    }

    /** How many inspectors each rule left out, in rule order (for the 422 of a draw without groups). */
    public static Map<Rejection, Long> count(List<Optional<Rejection>> rejections) {
        Map<Rejection, Long> counts = new LinkedHashMap<>();
        for (Optional<Rejection> r : rejections) {
            r.ifPresent(reason -> counts.merge(reason, 1L, Long::sum));
        }
        Map<Rejection, Long> ordered = new LinkedHashMap<>();
        for (Rejection reason : Rejection.values()) {
            if (counts.containsKey(reason)) {
                ordered.put(reason, counts.get(reason));
            }
        }
        return ordered;
    }

    public static String describe(Map<Rejection, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((reason, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(reason.label()));
        return text.length() == 0 ? "none left out" : "left out: " + text;
    }

    private static boolean overlaps(Leave leave, LocalDate start, LocalDate end) {
        if (leave == null || start == null || end == null) {
            return false;
        }
        LocalDate from = leave.from() == null ? LocalDate.MIN : leave.from();
        LocalDate to = leave.to() == null ? LocalDate.MAX : leave.to();
        return !from.isAfter(end) && !to.isBefore(start);
    }

    /** A county inspector works in their county, a city inspector anywhere in the city. */
    static boolean covers(String inspectorRegion, String targetRegion) {
        return valid(inspectorRegion) && new RegionScope(inspectorRegion).covers(targetRegion);
    }

    private static boolean overlapping(String inspectorRegion, String planRegion) {
        return valid(inspectorRegion) && valid(planRegion)
                && (new RegionScope(inspectorRegion).covers(planRegion) || new RegionScope(planRegion).covers(inspectorRegion));
    }

    private static boolean isCity(String region) {
        return valid(region) && new RegionScope(region).isAboveCounty();
    }

    private static boolean valid(String region) {
        return region != null && region.matches("\\d{6}");
    }
}
