package io.suiji.publication.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of "D + n working days". {@code provisional} is true when a day that was counted on
 * the way falls under a year whose calendar is not loaded ({@code missingYears}, ascending): the
 * date was then counted on weekends only and may move once that year's notice is loaded.
 */
public record DueDate(LocalDate date, boolean provisional, List<Integer> missingYears) {

    public DueDate {
        Objects.requireNonNull(date, "date");
        missingYears = List.copyOf(missingYears);
        if (provisional != !missingYears.isEmpty()) {
            throw new IllegalArgumentException("provisional exactly when a year is missing");
        }
    }
}
