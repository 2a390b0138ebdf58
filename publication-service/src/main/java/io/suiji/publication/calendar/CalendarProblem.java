package io.suiji.publication.calendar;

/** One problem with a year's calendar data: the JSON field (e.g. {@code daysOff[3]}) and why. */
public record CalendarProblem(String field, String message) {
}
