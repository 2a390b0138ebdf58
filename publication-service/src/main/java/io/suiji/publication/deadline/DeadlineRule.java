package io.suiji.publication.deadline;

import java.time.LocalDate;

/**
 * Which warning an open disclosure is due, given today: plain Java so the rule is tested alone.
 * A disclosure warns once when at most {@link #DUE_SOON_WORKING_DAYS} working days are left
 * (counting {@code (today, due]}), and once when today is past the due date.
 */
public final class DeadlineRule {

    public static final int DUE_SOON_WORKING_DAYS = 5;

    public enum Warning { NONE, DUE_SOON, OVERDUE }

    private DeadlineRule() {
    }

    /**
     * @param workingDaysLeft working days in {@code (today, due]}; only read when today ≤ due
     */
    public static Warning warning(LocalDate today, LocalDate due, int workingDaysLeft,
                                  boolean dueSoonSent, boolean overdueSent) {
        if (today.isAfter(due)) {
            return overdueSent ? Warning.NONE : Warning.OVERDUE;
        }
        return !dueSoonSent && workingDaysLeft <= DUE_SOON_WORKING_DAYS ? Warning.DUE_SOON : Warning.NONE;
    }
}
