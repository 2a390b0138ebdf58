package io.suiji.registry.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.enforcement.Outcome;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionHistoryTest {

    private static final InspectionHistory NEW = new InspectionHistory(Map.of(), 0, 2025, false, false);

    @Test
    void countsTheYearAndKeepsTheLatestDatePerMatter() {
        var once = NEW.after("PDS-2020-07", LocalDate.of(2025, 3, 1), Outcome.NO_PROBLEM);
        var twice = once.after("PDS-2020-07", LocalDate.of(2025, 2, 1), Outcome.CORRECTED);
        assertEquals(2, twice.inspectionsThisYear());
        assertEquals(LocalDate.of(2025, 3, 1), twice.lastInspectedByMatter().get("PDS-2020-07"), "a late event does not move it back");
        var other = twice.after("PDS-2020-09", LocalDate.of(2025, 4, 1), Outcome.NO_PROBLEM);
        assertEquals(2, other.lastInspectedByMatter().size());
        assertEquals(3, other.inspectionsThisYear());
    }

    @Test
    void aNewYearRestartsTheCountAndAPastYearLeavesItAlone() {
        var next = NEW.after("M", LocalDate.of(2025, 5, 1), Outcome.NO_PROBLEM).after("M", LocalDate.of(2026, 1, 5), Outcome.NO_PROBLEM);
        assertEquals(1, next.inspectionsThisYear());
        assertEquals(2026, next.inspectionsYear());
        var late = next.after("N", LocalDate.of(2025, 12, 30), Outcome.NO_PROBLEM);
        assertEquals(1, late.inspectionsThisYear());
        assertEquals(LocalDate.of(2025, 12, 30), late.lastInspectedByMatter().get("N"));
    }

    @Test
    void listingsStick() {
        var listed = NEW.after("M", LocalDate.of(2025, 5, 1), Outcome.ABNORMAL_OPERATION_LISTED);
        assertTrue(listed.abnormalOperation());
        assertFalse(listed.seriousViolation());
        var dishonest = listed.after("M", LocalDate.of(2025, 6, 1), Outcome.SERIOUS_DISHONESTY_LISTED);
        assertTrue(dishonest.abnormalOperation());
        assertTrue(dishonest.seriousViolation());
    }
}
