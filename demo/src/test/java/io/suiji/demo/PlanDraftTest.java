package io.suiji.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDraftTest {

    private static PlanDraft.Matter matter(int n, int times, List<String> methods, List<String> units) {
        return new PlanDraft.Matter("PDS-2020-0" + n, "事项" + n, new BigDecimal("5"), times, methods, units);
    }

    @Test
    void batchesSplitMarchToSeptemberWithoutGapsOrOverlap() {
        List<Map<String, Object>> two = PlanDraft.batches(2020, 2);
        assertEquals("2020-03-01", two.get(0).get("start"));
        assertEquals("2020-06-15", two.get(0).get("end"));
        assertEquals("2020-06-16", two.get(1).get("start"));
        assertEquals("2020-09-30", two.get(1).get("end"));
        assertEquals(List.of(Map.of("number", 1, "start", "2021-03-01", "end", "2021-09-30")), PlanDraft.batches(2021, 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneTaskPerMatterAtItsRatioAndOneJointTaskWithTheCommonMethods() {
        List<PlanDraft.Matter> matters = new java.util.ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            matters.add(matter(n, n == 8 ? 2 : 1, n == 9 ? List.of("DOCUMENT_REVIEW", "ON_SITE") : List.of("ON_SITE"),
                    n == 9 ? List.of("市失业保险中心") : List.of("劳动保障监察局（支队）", "劳动关系科")));
        }
        Map<String, Object> plan = PlanDraft.plan(2020, "410400", matters);
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) plan.get("tasks");
        assertEquals(10, tasks.size());
        assertEquals(List.of("PDS-2020-01"), tasks.get(0).get("matterCodes"));
        assertEquals(new BigDecimal("5"), tasks.get(0).get("ratioPercent"));
        assertEquals("劳动保障监察局（支队）", tasks.get(0).get("leadDepartment"));
        assertEquals(List.of("劳动关系科"), tasks.get(0).get("participatingDepartments"));
        assertEquals(2, ((List<?>) tasks.get(7).get("batches")).size());
        Map<String, Object> joint = tasks.get(9);
        assertEquals(PlanDraft.JOINT_TASK, joint.get("taskId"));
        assertEquals(true, joint.get("joint"));
        assertEquals(PlanDraft.JOINT_MATTERS, joint.get("matterCodes"));
        assertEquals(List.of("ON_SITE"), joint.get("methods"));
        assertEquals(List.of("市失业保险中心"), joint.get("participatingDepartments"));
        assertTrue(!joint.containsKey("ratioPercent"), "the joint task takes its matters' floor");
        assertEquals(Map.of("regions", List.of("410402")), joint.get("filter"));
        assertEquals(Map.of("size", 2, "workloadCap", PlanDraft.WORKLOAD_CAP), tasks.get(0).get("groups"));
    }
}
