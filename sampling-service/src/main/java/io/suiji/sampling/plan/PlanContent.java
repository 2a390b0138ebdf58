package io.suiji.sampling.plan;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.sampling.Batch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content of an annual plan (年度抽查计划) as drafted and, frozen, as published: its title and
 * tasks. Ratios are percentages, as in the catalogue.
 */
public record PlanContent(String title, List<Task> tasks) {

    public PlanContent {
        tasks = tasks == null ? List.of() : tasks;
    }

    /** Risk classes: the registry's credit classes A–D, and U for entities not graded. */
    public static final List<String> RISK_CLASSES = List.of("A", "B", "C", "D", "U");

    /**
     * 抽查任务: one or more matters inspected together (进一次门、查多项事), by a lead department and
     * possibly participating ones (joint inspection, 联合抽查).
     *
     * @param taskId          assigned as {@code T1}, {@code T2} … when absent
     * @param ratioPercent    the task's sampling ratio; null = the matters' floor. Never below it.
     * @param minimumCount    at least this many targets per draw; null = the matters' minimum
     * @param riskClassRatios percent per risk class (A, B, C, D, U), each at least the floor; classes
     *                        not listed use {@code ratioPercent}
     * @param batches         批次 with their dates; one draw per batch
     * @param priorityWeighting draw with priority weights 1 + complaints + 2 × serious violation
     *                        (Efraimidis–Spirakis) instead of uniformly within each stratum
     */
    public record Task(String taskId, String name, List<String> matterCodes, String leadDepartment,
                       List<String> participatingDepartments, TargetFilter filter, BigDecimal ratioPercent,
                       Integer minimumCount, Map<String, BigDecimal> riskClassRatios, List<Batch> batches,
                       List<InspectionMethod> methods, boolean joint, boolean priorityWeighting, Groups groups,
                       Exclusions exclusions, Control control) {

        public Task {
            matterCodes = matterCodes == null ? List.of() : matterCodes;
            participatingDepartments = participatingDepartments == null ? List.of() : participatingDepartments;
            filter = filter == null ? new TargetFilter(List.of(), List.of(), List.of()) : filter;
            riskClassRatios = riskClassRatios == null ? Map.of() : riskClassRatios;
            batches = batches == null ? List.of() : batches;
            methods = methods == null ? List.of() : methods;
            groups = groups == null ? new Groups(null, null, false, false) : groups;
            exclusions = exclusions == null ? new Exclusions(null, null, null) : exclusions;
        }

        Task withId(String id) {
            return new Task(id, name, matterCodes, leadDepartment, participatingDepartments, filter, ratioPercent,
                    minimumCount, riskClassRatios, batches, methods, joint, priorityWeighting, groups, exclusions,
                    control);
        }

        Task withFloors(BigDecimal ratio, Integer minimum) {
            return new Task(taskId, name, matterCodes, leadDepartment, participatingDepartments, filter, ratio, minimum,
                    riskClassRatios, batches, methods, joint, priorityWeighting, groups, exclusions, control);
        }

        /** The departments whose inspectors may be drawn when {@code groups.sameDepartment} is set. */
        public List<String> departments() {
            List<String> all = new ArrayList<>();
            if (leadDepartment != null) {
                all.add(leadDepartment);
            }
            all.addAll(participatingDepartments);
            return all;
        }
    }

    /**
     * Which entities of the registry the task targets. Empty lists mean: the matters' target types,
     * the plan's whole region, every risk class.
     *
     * @param regions GB/T 2260 codes; a city code covers its counties
     */
    public record TargetFilter(List<String> targetTypes, List<String> regions, List<String> riskClasses) {
        public TargetFilter {
            targetTypes = targetTypes == null ? List.of() : targetTypes;
            regions = regions == null ? List.of() : regions;
            riskClasses = riskClasses == null ? List.of() : riskClasses;
        }
    }

    /**
     * Inspector groups: size (≥ 2), workload cap per inspector and year, and whether inspectors must
     * come from the task's departments or be of the plan's level (city / county). Nulls = defaults.
     */
    public record Groups(Integer size, Integer workloadCap, boolean sameDepartment, boolean sameLevel) {
    }

    /**
     * Exclusion rules: window in days for the same matter; annual cap of inspections by the plan's
     * department, and the cap for targets with no violation found last year. Nulls = defaults.
     */
    public record Exclusions(Integer windowDays, Integer annualCap, Integer annualCapWithoutViolation) {
    }

    /** Optional control sample (对照样本): {@code count} entities of the given (low-risk) classes. */
    public record Control(int count, List<String> riskClasses) {
        public Control {
            riskClasses = riskClasses == null ? List.of() : riskClasses;
        }
    }
}
