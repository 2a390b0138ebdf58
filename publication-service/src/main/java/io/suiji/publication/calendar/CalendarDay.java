package io.suiji.publication.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date under the calendar. {@code provisional}: the calendar that decides this date is not
 * loaded, so {@code kind} is the weekend rule only (plus whatever a loaded neighbouring year lists).
 */
public record CalendarDay(LocalDate date, DayKind kind, boolean provisional) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean working() {
        return kind.working();
    }
}
