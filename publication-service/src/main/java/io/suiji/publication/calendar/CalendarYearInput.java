package io.suiji.publication.calendar;

import java.util.List;

/**
 * A year's calendar as submitted (the JSON of {@code PUT /api/v1/calendar/years/{year}} and of the
 * bundled files), before {@link CalendarYearRules} has checked it: dates still text, so that every
 * unparsable one can be reported with its position. {@code year} may be null (the path gives it);
 * {@code unknownFields} are JSON fields the format does not have — reported, never ignored.
 */
public record CalendarYearInput(Integer year, String noticeId, List<String> amendingNoticeIds, String source,
        List<String> daysOff, List<String> workingWeekendDays, List<String> unknownFields) {
}
