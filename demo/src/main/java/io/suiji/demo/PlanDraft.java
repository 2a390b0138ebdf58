package io.suiji.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual plan the demo drafts from the catalogue, as the bureau's 2020 work plan does: one task
 * per matter at the attachment's ratio, methods and frequency (one batch per time a year), led by
 * the first responsible unit with the others participating; and one joint task (联合抽查) that
 * inspects 用人单位 of 新华区 for labour law and unemployment insurance in a single visit (进一次门、查多项事).
 *
 * <p>Batches end by September so that, whatever year is played, every deadline the demo creates
 * has passed or can be checked today.
 */
final class PlanDraft {

    /** The matters of the joint task and its participating unit. */
    static final List<String> JOINT_MATTERS = List.of("PDS-2020-07", "PDS-2020-09");
    static final String JOINT_TASK = "L1";
    /** The joint campaign runs in one district, 新华区. */
    static final String JOINT_REGION = "410402";
    static final int WORKLOAD_CAP = 2000;

    /** What the demo needs of a catalogue matter. */
    record Matter(String code, String name, BigDecimal ratioPercent, int timesPerYear, List<String> methods,
                  List<String> responsibleUnits) {
    }

    private PlanDraft() {
    }

    static Map<String, Object> plan(int year, String region, List<Matter> matters) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        int n = 0;
        for (Matter m : matters) {
            n++;
            tasks.add(task("T" + n, m.name(), List.of(m.code()), m.responsibleUnits(), m.ratioPercent(),
                    batches(year, Math.max(1, m.timesPerYear())), m.methods(), false));
        }
        List<Matter> joint = matters.stream().filter(m -> JOINT_MATTERS.contains(m.code())).toList();
        if (joint.size() == JOINT_MATTERS.size()) {
            List<String> methods = new ArrayList<>(joint.get(0).methods());
            methods.retainAll(joint.get(1).methods());
            List<String> units = new ArrayList<>(joint.get(0).responsibleUnits().subList(0, 1));
            joint.get(1).responsibleUnits().stream().filter(u -> !units.contains(u)).forEach(units::add);
            Map<String, Object> task = task(JOINT_TASK, "新华区用人单位劳动用工和失业保险联合抽查（进一次门、查多项事）", JOINT_MATTERS,
                    units, null, batches(year, 1), methods.isEmpty() ? joint.get(0).methods() : methods, true);
            task.put("filter", Map.of("regions", List.of(JOINT_REGION)));
            tasks.add(task);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("year", year);
        plan.put("title", year + "年度“双随机、一公开”抽查工作计划（演示）");
        plan.put("region", region);
        plan.put("tasks", tasks);
        return plan;
    }

    private static Map<String, Object> task(String id, String name, List<String> matterCodes, List<String> units,
                                            BigDecimal ratioPercent, List<Map<String, Object>> batches, List<String> methods,
                                            boolean joint) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskId", id);
        task.put("name", name);
        task.put("matterCodes", matterCodes);
        task.put("leadDepartment", units.isEmpty() ? "劳动保障监察局（支队）" : units.get(0));
        task.put("participatingDepartments", units.size() > 1 ? units.subList(1, units.size()) : List.of());
        // A matter with a count instead of a ratio (PDS-2020-08: 至少200人) takes the catalogue's floor.
        if (ratioPercent != null && ratioPercent.signum() > 0) {
            task.put("ratioPercent", ratioPercent);
        }
        task.put("batches", batches);
        task.put("methods", methods);
        task.put("joint", joint);
        // Two inspectors per group (the minimum of 三(三)). The yearly cap per inspector is lifted from
        // the service's default of 30: 120 synthetic inspectors carry every task of a 20,000-target
        // city, and in a county few of them have the expertise of, e.g., 失业保险稽核 at 16 %.
        task.put("groups", Map.of("size", 2, "workloadCap", WORKLOAD_CAP));
        return task;
    }

    /** {@code times} batches between March and September of {@code year}, in equal parts. */
    static List<Map<String, Object>> batches(int year, int times) {
        LocalDate start = LocalDate.of(year, 3, 1);
        LocalDate end = LocalDate.of(year, 9, 30);
        long days = end.toEpochDay() - start.toEpochDay() + 1;
        List<Map<String, Object>> batches = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            LocalDate from = start.plusDays(days * i / times);
            LocalDate to = start.plusDays(days * (i + 1) / times - 1);
            batches.add(Map.of("number", i + 1, "start", from.toString(), "end", to.toString()));
        }
        return batches;
    }
}
