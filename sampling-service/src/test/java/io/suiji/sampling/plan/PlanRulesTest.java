package io.suiji.sampling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.sampling.Batch;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.sampling.plan.PlanContent.Task;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final MatterRule SCHOOLS = new MatterRule("M2", 1, "技工院校监督检查", MatterCategory.GENERAL,
            new BigDecimal("30"), null, List.of("技工院校"), List.of(InspectionMethod.ON_SITE,
            InspectionMethod.DOCUMENT_REVIEW), MatterStatus.PUBLISHED);
    private static final MatterRule AGENCIES = new MatterRule("M1", 1, "人力资源服务机构管理检查", MatterCategory.GENERAL,
            null, null, List.of("人力资源服务机构"), List.of(InspectionMethod.ON_SITE), MatterStatus.PUBLISHED);
    private static final MatterRule WAGES = new MatterRule("M8", 1, "农民工工资支付检查", MatterCategory.KEY,
            null, 200, List.of("用人单位"), List.of(), MatterStatus.PUBLISHED);
    private static final Map<String, MatterRule> MATTERS = Map.of("M1", AGENCIES, "M2", SCHOOLS, "M8", WAGES);

    private static Task task(String id, List<String> matters, String ratio, Map<String, BigDecimal> classes,
                             List<InspectionMethod> methods) {
        return new Task(id, "任务", matters, "职业能力建设科", List.of(), null, ratio == null ? null : new BigDecimal(ratio),
                null, classes, List.of(new Batch(1, LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30))), methods,
                false, false, null, null, null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aPlanMayRaiseAMattersRatioButNeverLowerIt() {
        var raised = new PlanContent("2020年计划", List.of(task("T1", List.of("M2"), "40", Map.of(), List.of())));
        assertEquals(List.of(), PlanRules.validate(2020, "410400", raised, MATTERS, false));

        var lowered = new PlanContent("2020年计划", List.of(task("T1", List.of("M2"), "20",
                Map.of("C", new BigDecimal("10")), List.of())));
        assertEquals(List.of("tasks[0].ratioPercent", "tasks[0].riskClassRatios.C"),
                fields(PlanRules.validate(2020, "410400", lowered, MATTERS, false)));
    }

    @Test
    void generalMattersAreSampledAtFivePercentAtLeastAndKeyMattersKeepTheirMinimumCount() {
        assertEquals(new BigDecimal("5"), PlanRules.floorPercent(task("T1", List.of("M1"), null, Map.of(), List.of()), MATTERS));
        var tooLow = new PlanContent("计划", List.of(task("T1", List.of("M1"), "4", Map.of(), List.of())));
        assertEquals(List.of("tasks[0].ratioPercent"), fields(PlanRules.validate(2020, "410400", tooLow, MATTERS, false)));

        Task wages = task("T1", List.of("M8"), null, Map.of(), List.of());
        assertEquals(0, PlanRules.floorPercent(wages, MATTERS).signum());
        assertEquals(200, PlanRules.floorCount(wages, MATTERS));
        Task fewer = new Task("T1", "任务", List.of("M8"), "监察局", List.of(), null, new BigDecimal("10"), 100, Map.of(),
                List.of(), List.of(), false, false, null, null, null);
        assertEquals(List.of("tasks[0].minimumCount"),
                fields(PlanRules.validate(2020, "410400", new PlanContent("计划", List.of(fewer)), MATTERS, false)));
    }

    @Test
    void aJointTaskTakesTheHighestFloorOfItsMattersAndResolvingFillsIt() {
        var content = PlanRules.resolve(new PlanContent("计划", List.of(task("T1", List.of("M1", "M2"), null,
                Map.of(), List.of()))), MATTERS);
        assertEquals(new BigDecimal("30"), content.tasks().get(0).ratioPercent());
        Map<String, BigDecimal> ratios = PlanRules.effectiveRatios(task("T1", List.of("M1", "M2"), null,
                Map.of("C", new BigDecimal("60")), List.of()), MATTERS);
        assertEquals(new BigDecimal("30"), ratios.get("A"));
        assertEquals(new BigDecimal("60"), ratios.get("C"));
    }

    @Test
    void publishingNeedsTasksBatchesAndMethodsAndUnknownThingsAreNamed() {
        var empty = new PlanContent("计划", List.of());
        assertEquals(List.of("tasks"), fields(PlanRules.validate(2020, "410400", empty, MATTERS, true)));

        Task bad = new Task("T1", "任务", List.of("M9"), "", List.of(),
                new PlanContent.TargetFilter(List.of(), List.of("410502"), List.of("E")), null, null,
                Map.of("X", BigDecimal.ONE), List.of(new Batch(1, LocalDate.of(2021, 1, 1), LocalDate.of(2020, 1, 1))),
                List.of(), false, false, new PlanContent.Groups(1, 0, false, false), null, null);
        List<String> errors = fields(PlanRules.validate(2020, "410400", new PlanContent("计划", List.of(bad)), MATTERS, true));
        assertTrue(errors.containsAll(List.of("tasks[0].leadDepartment", "tasks[0].matterCodes[0]",
                "tasks[0].riskClassRatios.X", "tasks[0].filter.regions[0]", "tasks[0].filter.riskClasses[0]",
                "tasks[0].batches[0].end", "tasks[0].batches[0]", "tasks[0].methods", "tasks[0].groups.size",
                "tasks[0].groups.workloadCap")), errors.toString());
    }

    @Test
    void tasksWithAlikeTargetsAndMethodsAreMergeCandidates() {
        Task a = task("T1", List.of("M2"), null, Map.of(), List.of(InspectionMethod.ON_SITE));
        Task b = new Task("T2", "任务", List.of("M1"), "科", List.of(),
                new PlanContent.TargetFilter(List.of("技工院校"), List.of(), List.of()), null, null, Map.of(), List.of(),
                List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW), false, false, null, null, null);
        Task c = task("T3", List.of("M1"), null, Map.of(), List.of(InspectionMethod.ON_SITE));
        var candidates = PlanRules.mergeCandidates(new PlanContent("计划", List.of(a, b, c)), MATTERS);
        assertEquals(1, candidates.size());
        assertEquals(List.of("T1", "T2"), candidates.get(0).taskIds());
        assertEquals(List.of("技工院校"), candidates.get(0).sharedTargetTypes());
        assertEquals(List.of(InspectionMethod.ON_SITE), candidates.get(0).sharedMethods());
    }

    @Test
    void tasksWithoutIdsAreNumbered() {
        var content = PlanRules.normalize(new PlanContent("计划", List.of(task(null, List.of("M2"), null, Map.of(),
                List.of()), task("mine", List.of("M2"), null, Map.of(), List.of()))));
        assertEquals("T1", content.tasks().get(0).taskId());
        assertEquals("mine", content.tasks().get(1).taskId());
    }
}
