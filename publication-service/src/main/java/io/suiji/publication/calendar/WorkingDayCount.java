package io.suiji.publication.calendar;

import java.util.List;

/**
 * The number of working days in a span; {@code provisional} and {@code missingYears} as in
 * {@link DueDate}.
 */
public record WorkingDayCount(int workingDays, boolean provisional, List<Integer> missingYears) {

    public WorkingDayCount {
        missingYears = List.copyOf(missingYears);
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        if (provisional != !missingYears.isEmpty()) {
            throw new IllegalArgumentException("provisional exactly when a year is missing");
        }
    }
}
