package io.suiji.sampling.plan;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.sampling.Batch;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.security.RegionScope;
import io.suiji.sampling.plan.PlanContent.Task;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of an annual plan, as plain Java: every field checked against the catalogue's floors
 * (a plan may raise a matter's sampling rule, never go below it), and tasks whose targets and
 * methods are alike flagged as merge candidates (三(一)).
 */
public final class PlanRules {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private PlanRules() {
    }

    /** Gives tasks without an id the id {@code T<n>} (n = position, from 1). */
    public static PlanContent normalize(PlanContent content) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < content.tasks().size(); i++) {
            Task task = content.tasks().get(i);
            tasks.add(task == null || (task.taskId() != null && !task.taskId().isBlank()) ? task
                    : task.withId("T" + (i + 1)));
        }
        return new PlanContent(content.title(), tasks);
    }

    /** Fills each task's ratio and minimum with the matters' floors where the plan left them open. */
    public static PlanContent resolve(PlanContent content, Map<String, MatterRule> matters) {
        List<Task> tasks = new ArrayList<>();
        for (Task task : content.tasks()) {
            tasks.add(task.withFloors(task.ratioPercent() != null ? task.ratioPercent() : floorPercent(task, matters),
                    task.minimumCount() != null ? task.minimumCount() : floorCount(task, matters)));
        }
        return new PlanContent(content.title(), tasks);
    }

    /**
     * Every violation, each naming its field ({@code tasks[0].ratioPercent}). A draft may be
     * incomplete (no tasks, no batches yet); a plan to be published may not.
     */
    public static List<FieldError> validate(int year, String region, PlanContent content,
                                            Map<String, MatterRule> matters, boolean forPublication) {
        List<FieldError> errors = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "must be a year between 2000 and 2100"));
        }
        if (region == null || !region.matches("\\d{6}")) {
            errors.add(new FieldError("region", "must be a 6-digit GB/T 2260 division code"));
        }
        if (content.title() == null || content.title().isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        }
        if (forPublication && content.tasks().isEmpty()) {
            errors.add(new FieldError("tasks", "a plan to be published needs at least one task"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < content.tasks().size(); i++) {
            String at = "tasks[" + i + "]";
            Task task = content.tasks().get(i);
            if (task == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (!isId(task.taskId())) {
                errors.add(new FieldError(at + ".taskId", "must be non-empty without ':', ',' or line breaks"));
            } else if (!ids.add(task.taskId())) {
                errors.add(new FieldError(at + ".taskId", "duplicates task " + task.taskId()));
            }
            validateTask(at, task, year, region, matters, forPublication, errors);
        }
        return errors;
    }

    private static void validateTask(String at, Task task, int year, String region, Map<String, MatterRule> matters,
                                     boolean forPublication, List<FieldError> errors) {
        if (task.name() == null || task.name().isBlank()) {
            errors.add(new FieldError(at + ".name", "must not be blank"));
        }
        if (task.leadDepartment() == null || task.leadDepartment().isBlank()) {
            errors.add(new FieldError(at + ".leadDepartment", "must not be blank"));
        }
        if (task.matterCodes().isEmpty()) {
            errors.add(new FieldError(at + ".matterCodes", "a task covers at least one matter"));
        }
        boolean mattersKnown = true;
        for (int j = 0; j < task.matterCodes().size(); j++) {
            String code = task.matterCodes().get(j);
            MatterRule matter = matters.get(code);
            if (matter == null) {
                mattersKnown = false;
                errors.add(new FieldError(at + ".matterCodes[" + j + "]", "no matter " + code + " in the catalogue"));
            } else if (matter.status() != MatterStatus.PUBLISHED) {
                mattersKnown = false;
                errors.add(new FieldError(at + ".matterCodes[" + j + "]", "matter " + code + " is " + matter.status()));
            }
        }
        BigDecimal floor = mattersKnown ? floorPercent(task, matters) : BigDecimal.ZERO;
        String floorSource = mattersKnown ? floorSource(task, matters) : "";
        if (task.ratioPercent() != null) {
            checkPercent(at + ".ratioPercent", task.ratioPercent(), floor, floorSource, errors);
        }
        task.riskClassRatios().forEach((riskClass, percent) -> {
            String field = at + ".riskClassRatios." + riskClass;
            if (!PlanContent.RISK_CLASSES.contains(riskClass)) {
                errors.add(new FieldError(field, "unknown risk class (one of " + PlanContent.RISK_CLASSES + ")"));
            } else if (percent == null) {
                errors.add(new FieldError(field, "must be a percentage"));
            } else {
                checkPercent(field, percent, floor, floorSource, errors);
            }
        });
        if (task.minimumCount() != null) {
            int floorCount = mattersKnown ? floorCount(task, matters) : 0;
            if (task.minimumCount() < floorCount) {
                errors.add(new FieldError(at + ".minimumCount", "must be at least " + floorCount
                        + ", the matters' minimum count"));
            }
        }
        validateFilter(at + ".filter", task.filter(), region, errors);
        validateBatches(at + ".batches", task.batches(), year, forPublication, errors);
        if (task.methods().isEmpty() && forPublication) {
            errors.add(new FieldError(at + ".methods", "name at least one inspection method"));
        }
        if (mattersKnown) {
            Set<InspectionMethod> allowed = new LinkedHashSet<>();
            task.matterCodes().forEach(code -> allowed.addAll(matters.get(code).methods()));
            for (int j = 0; j < task.methods().size(); j++) {
                InspectionMethod method = task.methods().get(j);
                if (method == null) {
                    errors.add(new FieldError(at + ".methods[" + j + "]", "must not be null"));
                } else if (!allowed.isEmpty() && !allowed.contains(method)) {
                    errors.add(new FieldError(at + ".methods[" + j + "]", method + " is not a method of the task's matters "
                            + allowed));
                }
            }
        }
        PlanContent.Groups groups = task.groups();
        if (groups.size() != null && groups.size() < 2) {
            errors.add(new FieldError(at + ".groups.size", "an inspector group has at least 2 inspectors"));
        }
        if (groups.workloadCap() != null && groups.workloadCap() < 1) {
            errors.add(new FieldError(at + ".groups.workloadCap", "must be at least 1"));
        }
        if (task.exclusions().windowDays() != null && task.exclusions().windowDays() < 0) {
            errors.add(new FieldError(at + ".exclusions.windowDays", "must not be negative"));
        }
        if (task.exclusions().annualCap() != null && task.exclusions().annualCap() < 1) {
            errors.add(new FieldError(at + ".exclusions.annualCap", "must be at least 1"));
        }
        if (task.exclusions().annualCapWithoutViolation() != null && task.exclusions().annualCapWithoutViolation() < 1) {
            errors.add(new FieldError(at + ".exclusions.annualCapWithoutViolation", "must be at least 1"));
        }
        if (task.control() != null) {
            if (task.control().count() < 0) {
                errors.add(new FieldError(at + ".control.count", "must not be negative"));
            }
            if (task.control().count() > 0 && task.control().riskClasses().isEmpty()) {
                errors.add(new FieldError(at + ".control.riskClasses", "name the (low-risk) classes to draw from"));
            }
            checkClasses(at + ".control.riskClasses", task.control().riskClasses(), errors);
        }
    }

    private static void checkPercent(String field, BigDecimal percent, BigDecimal floor, String floorSource,
                                     List<FieldError> errors) {
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            errors.add(new FieldError(field, "must be a percentage above 0 and at most 100"));
        } else if (percent.compareTo(floor) < 0) {
            errors.add(new FieldError(field, percent.toPlainString() + " % is below the floor of "
                    + floor.toPlainString() + " % (" + floorSource + "); a plan may raise a matter's ratio, never lower it"));
        }
    }

    private static void validateFilter(String at, PlanContent.TargetFilter filter, String region,
                                       List<FieldError> errors) {
        RegionScope plan = region != null && region.matches("\\d{6}") ? new RegionScope(region) : null;
        for (int j = 0; j < filter.regions().size(); j++) {
            String r = filter.regions().get(j);
            if (r == null || !r.matches("\\d{6}")) {
                errors.add(new FieldError(at + ".regions[" + j + "]", "must be a 6-digit GB/T 2260 division code"));
            } else if (plan != null && !plan.covers(r)) {
                errors.add(new FieldError(at + ".regions[" + j + "]", r + " is outside the plan's region " + region));
            }
        }
        checkClasses(at + ".riskClasses", filter.riskClasses(), errors);
    }

    private static void checkClasses(String at, List<String> classes, List<FieldError> errors) {
        for (int j = 0; j < classes.size(); j++) {
            if (!PlanContent.RISK_CLASSES.contains(classes.get(j))) {
                errors.add(new FieldError(at + "[" + j + "]", "unknown risk class (one of " + PlanContent.RISK_CLASSES + ")"));
            }
        }
    }

    private static void validateBatches(String at, List<Batch> batches, int year, boolean forPublication,
                                        List<FieldError> errors) {
        if (batches.isEmpty() && forPublication) {
            errors.add(new FieldError(at, "a task to be published needs at least one batch with its dates"));
        }
        Set<Integer> numbers = new HashSet<>();
        for (int j = 0; j < batches.size(); j++) {
            Batch batch = batches.get(j);
            String field = at + "[" + j + "]";
            if (batch == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            if (batch.number() < 1) {
                errors.add(new FieldError(field + ".number", "batches are numbered from 1"));
            } else if (!numbers.add(batch.number())) {
                errors.add(new FieldError(field + ".number", "duplicates batch " + batch.number()));
            }
            if (batch.start() == null) {
                errors.add(new FieldError(field + ".start", "must be a date"));
            }
            if (batch.end() == null) {
                errors.add(new FieldError(field + ".end", "must be a date"));
            }
            if (batch.start() != null && batch.end() != null) {
                if (batch.end().isBefore(batch.start())) {
                    errors.add(new FieldError(field + ".end", "is before the start " + batch.start()));
                }
                if (batch.start().getYear() != year || batch.end().getYear() != year) {
                    errors.add(new FieldError(field, "must lie within the plan's year " + year));
                }
            }
        }
    }

    /** The highest floor among the task's matters (GENERAL matters at least 5 %). */
    public static BigDecimal floorPercent(Task task, Map<String, MatterRule> matters) {
        BigDecimal floor = BigDecimal.ZERO;
        for (String code : task.matterCodes()) {
            MatterRule matter = matters.get(code);
            if (matter != null) {
                floor = floor.max(matter.floorPercent());
            }
        }
        return floor;
    }

    public static int floorCount(Task task, Map<String, MatterRule> matters) {
        int floor = 0;
        for (String code : task.matterCodes()) {
            MatterRule matter = matters.get(code);
            if (matter != null) {
                floor = Math.max(floor, matter.floorCount());
            }
        }
        return floor;
    }

    private static String floorSource(Task task, Map<String, MatterRule> matters) {
        BigDecimal floor = floorPercent(task, matters);
        for (String code : task.matterCodes()) {
            MatterRule matter = matters.get(code);
            if (matter.floorPercent().compareTo(floor) == 0) {
                return "matter " + code + " " + matter.name() + ", " + matter.category();
            }
        }
        return "";
    }

    /**
     * The percentage each risk class is sampled at: its own ratio, else the task's, else the floor;
     * never below the floor of the matters as they stand now.
     */
    public static Map<String, BigDecimal> effectiveRatios(Task task, Map<String, MatterRule> matters) {
        BigDecimal floor = floorPercent(task, matters);
        BigDecimal base = task.ratioPercent() == null ? floor : task.ratioPercent();
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        for (String riskClass : PlanContent.RISK_CLASSES) {
            ratios.put(riskClass, task.riskClassRatios().getOrDefault(riskClass, base));
        }
        return ratios;
    }

    /** The target types a task reaches: its filter's, else the union of its matters'. */
    public static Set<String> targetTypes(Task task, Map<String, MatterRule> matters) {
        if (!task.filter().targetTypes().isEmpty()) {
            return new LinkedHashSet<>(task.filter().targetTypes());
        }
        Set<String> types = new LinkedHashSet<>();
        for (String code : task.matterCodes()) {
            MatterRule matter = matters.get(code);
            if (matter != null) {
                types.addAll(matter.targetTypes());
            }
        }
        return types;
    }

    /** Two tasks that could be one joint inspection: shared target types and shared methods. */
    public record MergeCandidate(List<String> taskIds, List<String> sharedTargetTypes,
                                 List<InspectionMethod> sharedMethods) {
    }

    /** Pairs of tasks whose targets and methods are alike (三(一)): candidates for merging. */
    public static List<MergeCandidate> mergeCandidates(PlanContent content, Map<String, MatterRule> matters) {
        List<MergeCandidate> candidates = new ArrayList<>();
        List<Task> tasks = content.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = i + 1; j < tasks.size(); j++) {
                Task a = tasks.get(i);
                Task b = tasks.get(j);
                Set<String> types = targetTypes(a, matters);
                types.retainAll(targetTypes(b, matters));
                Set<InspectionMethod> methods = new LinkedHashSet<>(a.methods());
                methods.retainAll(new HashSet<>(b.methods()));
                if (!types.isEmpty() && !methods.isEmpty()) {
                    candidates.add(new MergeCandidate(List.of(a.taskId(), b.taskId()), List.copyOf(types),
                            List.copyOf(methods)));
                }
            }
        }
        return candidates;
    }

    private static boolean isId(String id) {
        return id != null && !id.isEmpty() && !id.contains(":") && !id.contains(",") && !id.contains("\n")
                && !id.contains("\r");
    }
}
