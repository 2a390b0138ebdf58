package io.suiji.publication.deadline;

import static io.suiji.publication.deadline.DeadlineRule.Warning.DUE_SOON;
import static io.suiji.publication.deadline.DeadlineRule.Warning.NONE;
import static io.suiji.publication.deadline.DeadlineRule.Warning.OVERDUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeadlineRuleTest {

    private static final LocalDate DUE = LocalDate.of(2020, 10, 29);

    @Test
    void warnsOnceWhenFiveWorkingDaysAreLeftAndOnceWhenPastDue() {
        assertEquals(NONE, DeadlineRule.warning(DUE.minusDays(10), DUE, 6, false, false));
        assertEquals(DUE_SOON, DeadlineRule.warning(DUE.minusDays(7), DUE, 5, false, false));
        assertEquals(NONE, DeadlineRule.warning(DUE.minusDays(2), DUE, 2, true, false));
        assertEquals(DUE_SOON, DeadlineRule.warning(DUE, DUE, 0, false, false));
        assertEquals(OVERDUE, DeadlineRule.warning(DUE.plusDays(1), DUE, 0, true, false));
        assertEquals(OVERDUE, DeadlineRule.warning(DUE.plusDays(1), DUE, 0, false, false));
        assertEquals(NONE, DeadlineRule.warning(DUE.plusDays(30), DUE, 0, true, true));
    }
}
