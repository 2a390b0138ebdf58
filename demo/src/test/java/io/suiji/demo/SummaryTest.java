package io.suiji.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static Summary.TaskRow row(String id, String status, String verification) {
        return new Summary.TaskRow(id, "人力资源服务机构管理检查", List.of("PDS-2020-01"), 400, 3, 20, 20, 20, 20,
                Map.of("NO_PROBLEM", 16L, "ORDERED_TO_CORRECT", 2L, "ADMINISTRATIVE_PENALTY", 1L, "NO_RELEVANT_ACTIVITY", 1L),
                "PUBLISHED".equals(status) ? 19 : 0, "PUBLISHED".equals(status) ? 1 : 0, LocalDate.of(2020, 10, 29), status,
                verification);
    }

    @Test
    void totalsAddUpTheTasksAndTheTableHasARowEach() {
        Summary s = new Summary();
        s.tasks.add(row("T1", "PUBLISHED", "VERIFIED"));
        s.tasks.add(row("T2", "逾期未公示", "VERIFIED"));
        assertEquals(40, s.drawn());
        assertEquals(19 + 1, s.published() + s.exempt());
        assertEquals(20, s.closedInPublishedTasks());
        assertEquals(3, s.tasks.get(0).problems());
        assertEquals(1, s.tasks.get(0).sanctions());
        assertTrue(s.allVerified());
        String table = s.table();
        assertEquals(4, table.lines().count(), table);
        assertTrue(table.contains("逾期未公示") && table.contains("2020-10-29"), table);
    }

    @Test
    void oneUnverifiedDrawFailsTheRun() {
        Summary s = new Summary();
        s.tasks.add(row("T1", "PUBLISHED", "VERIFIED"));
        s.tasks.add(row("T2", "PUBLISHED", "DIFFERENT: selection digest"));
        assertFalse(s.allVerified());
    }
}
