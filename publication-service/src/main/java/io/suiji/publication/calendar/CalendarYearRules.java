package io.suiji.publication.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks a year's calendar data must pass before it is loaded. Reports every problem, each
 * naming its JSON field ({@code daysOff[3]}), so that an administrator fixes the whole notice in
 * one go.
 */
public final class CalendarYearRules {

    /** More dates than a year has cannot be one year's notice. */
    public static final int MAX_DATES = 366;
    public static final int MAX_NOTICE_ID_LENGTH = 100;
    public static final int MAX_SOURCE_LENGTH = 2000;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private CalendarYearRules() {
    }

    /**
     * {@code input} as the calendar of {@code year}, checked on its own and against the other
     * years of {@code loaded} (the year itself, if loaded, is being replaced and not compared).
     *
     * @throws InvalidCalendarYearException with every problem found
     */
    public static CalendarYear accept(int year, CalendarYearInput input, WorkingCalendar loaded) {
        List<CalendarProblem> problems = new ArrayList<>();
        if (year < CalendarYear.MIN_YEAR || year > CalendarYear.MAX_YEAR) {
            problems.add(new CalendarProblem("year", "must be from " + CalendarYear.MIN_YEAR + " to " + CalendarYear.MAX_YEAR));
            throw new InvalidCalendarYearException(problems);
        }
        if (input == null) {
            problems.add(new CalendarProblem("body", "the year's calendar is required"));
            throw new InvalidCalendarYearException(problems);
        }
        input.unknownFields().stream().sorted()
                .forEach(field -> problems.add(new CalendarProblem(field, "is not a known field")));
        if (input.year() != null && input.year() != year) {
            problems.add(new CalendarProblem("year", "is " + input.year() + " but the address is for " + year));
        }
        String noticeId = noticeId("noticeId", input.noticeId(), problems);
        List<String> amending = new ArrayList<>();
        List<String> amendingInput = input.amendingNoticeIds() == null ? List.of() : input.amendingNoticeIds();
        for (int i = 0; i < amendingInput.size(); i++) {
            String field = "amendingNoticeIds[" + i + "]";
            String id = noticeId(field, amendingInput.get(i), problems);
            if (id == null) {
                continue;
            }
            if (id.equals(noticeId) || amending.contains(id)) {
                problems.add(new CalendarProblem(field, id + " is listed twice"));
            } else {
                amending.add(id);
            }
        }
        String source = input.source() == null || input.source().isBlank() ? null : input.source().strip();
        if (source != null && source.length() > MAX_SOURCE_LENGTH) {
            problems.add(new CalendarProblem("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
        }

        Map<LocalDate, String> seen = new HashMap<>();
        List<LocalDate> daysOff = dates(year, "daysOff", input.daysOff(), false, seen, problems);
        if (input.daysOff() == null || input.daysOff().isEmpty()) {
            problems.add(new CalendarProblem("daysOff", "must list at least one day off (every date of each holiday block)"));
        }
        List<LocalDate> workingWeekendDays = dates(year, "workingWeekendDays", input.workingWeekendDays(), true, seen, problems);

        WorkingCalendar others = loaded.without(year);
        problems.addAll(contradictions(others, "daysOff", input.daysOff(), DayKind.DAY_OFF));
        problems.addAll(contradictions(others, "workingWeekendDays", input.workingWeekendDays(), DayKind.WORKING_WEEKEND));

        if (!problems.isEmpty()) {
            throw new InvalidCalendarYearException(problems);
        }
        return new CalendarYear(year, noticeId, amending, source, daysOff, workingWeekendDays);
    }

    /**
     * Dates of {@code listed} that another loaded year lists the other way (a day off there, a
     * working day here, or the reverse). Same-way listings are harmless: both 2022 and 2023 may
     * call 2022-12-31 a day off.
     */
    static List<CalendarProblem> contradictions(WorkingCalendar others, String list, List<String> listed, DayKind kind) {
        List<CalendarProblem> problems = new ArrayList<>();
        if (listed == null || listed.size() > MAX_DATES) {
            return problems;
        }
        for (int i = 0; i < listed.size(); i++) {
            LocalDate day = parse(listed.get(i));
            if (day == null) {
                continue;
            }
            for (CalendarYear other : others.years().values()) {
                DayKind there = other.daysOff().contains(day) ? DayKind.DAY_OFF
                        : other.workingWeekendDays().contains(day) ? DayKind.WORKING_WEEKEND : null;
                if (there != null && there != kind) {
                    problems.add(new CalendarProblem(list + "[" + i + "]", day + " contradicts the loaded calendar of "
                            + other.year() + ", which lists it as " + (there == DayKind.DAY_OFF ? "a day off" : "a working day")));
                }
            }
        }
        return problems;
    }

    private static String noticeId(String field, String value, List<CalendarProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new CalendarProblem(field, "is required: the notice's id on the central government website (gov.cn content_<id>)"));
            return null;
        }
        String id = value.strip();
        if (id.length() > MAX_NOTICE_ID_LENGTH || CONTROL.matcher(id).find()) {
            problems.add(new CalendarProblem(field, "must be at most " + MAX_NOTICE_ID_LENGTH + " characters on one line"));
            return null;
        }
        return id;
    }

    private static List<LocalDate> dates(int year, String list, List<String> values, boolean weekendsOnly,
            Map<LocalDate, String> seen, List<CalendarProblem> problems) {
        List<LocalDate> dates = new ArrayList<>();
        if (values == null) {
            return dates;
        }
        if (values.size() > MAX_DATES) {
            problems.add(new CalendarProblem(list, "lists " + values.size() + " dates; a year has at most " + MAX_DATES));
            return dates;
        }
        LocalDate first = CalendarYear.firstListableDay(year);
        LocalDate last = CalendarYear.lastListableDay(year);
        for (int i = 0; i < values.size(); i++) {
            String field = list + "[" + i + "]";
            String text = values.get(i);
            LocalDate day = parse(text);
            if (day == null) {
                problems.add(new CalendarProblem(field, (text == null ? "null" : "\"" + text + "\"") + " is not a date (YYYY-MM-DD)"));
                continue;
            }
            boolean ok = true;
            if (day.isBefore(first) || day.isAfter(last)) {
                problems.add(new CalendarProblem(field, day + " is outside the calendar of " + year + " (" + first + " to " + last
                        + "; a notice may reach back to the last " + CalendarYear.PREVIOUS_DECEMBER_REACH + " days of the previous December)"));
                ok = false;
            }
            if (weekendsOnly && !CalendarYear.isWeekend(day)) {
                problems.add(new CalendarProblem(field, day + " is a " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + ", not a Saturday or Sunday: only weekend days can be made working days"));
                ok = false;
            }
            String earlier = seen.putIfAbsent(day, field);
            if (earlier != null) {
                problems.add(new CalendarProblem(field, day + " is listed twice (also " + earlier + ")"));
                ok = false;
            }
            if (ok) {
                dates.add(day);
            }
        }
        return dates;
    }

    private static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
