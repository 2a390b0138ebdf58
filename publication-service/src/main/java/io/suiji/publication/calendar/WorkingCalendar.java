package io.suiji.publication.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 工作日历: China's official working days, from the yearly holiday notices that are loaded. Plain
 * Java, immutable, thread-safe.
 *
 * <p>A date is a working day when it is a Monday–Friday not listed as a day off, or a weekend day
 * listed as a working day (调休上班). The adjustments cannot be derived by rule, so a date is
 * <em>settled</em> only when the notice that decides it is loaded: its own year's, and — for the
 * last {@value CalendarYear#PREVIOUS_DECEMBER_REACH} days of December — the next year's too, since
 * that notice may reach back (2023's 元旦 began on 2022-12-31). An unsettled date is judged on the
 * weekend rule (and what loaded notices list) and every result that counted it is
 * {@code provisional}, naming the missing years. Nothing is guessed silently.
 *
 * <p>Convention (期间开始之日不计算在内, the first day of a period is not counted): "D + n working
 * days" is the n-th working day after D; the working days between {@code from} and {@code to} are
 * those in {@code (from, to]} — {@code from} excluded, {@code to} included — so that
 * {@code workingDaysBetween(d, plusWorkingDays(d, n).date()) == n}.
 */
public final class WorkingCalendar {

    /** The largest n {@link #plusWorkingDays} accepts: about forty years, beyond any legal deadline. */
    public static final int MAX_WORKING_DAYS = 10_000;

    private static final WorkingCalendar EMPTY = new WorkingCalendar(new TreeMap<>(), Map.of());

    private final SortedMap<Integer, CalendarYear> years;
    private final Map<LocalDate, DayKind> listed;

    private WorkingCalendar(SortedMap<Integer, CalendarYear> years, Map<LocalDate, DayKind> listed) {
        this.years = Collections.unmodifiableSortedMap(years);
        this.listed = listed;
    }

    /** A calendar with no year loaded: every date provisional, weekends only. */
    public static WorkingCalendar empty() {
        return EMPTY;
    }

    /**
     * The calendar of these years.
     *
     * @throws IllegalArgumentException if a year appears twice, or two years say opposite things
     *                                  about one date (see {@link CalendarYearRules#contradictions})
     */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        SortedMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("year " + year.year() + " is given twice");
            }
        }
        Map<LocalDate, DayKind> listed = new HashMap<>();
        for (CalendarYear year : byYear.values()) {
            list(listed, year, year.daysOff(), DayKind.DAY_OFF);
            list(listed, year, year.workingWeekendDays(), DayKind.WORKING_WEEKEND);
        }
        return new WorkingCalendar(byYear, Map.copyOf(listed));
    }

    /** This calendar with {@code year} loaded, replacing what was loaded for that year. */
    public WorkingCalendar with(CalendarYear year) {
        Map<Integer, CalendarYear> next = new TreeMap<>(years);
        next.put(year.year(), year);
        return of(next.values());
    }

    /** This calendar without {@code year}. */
    public WorkingCalendar without(int year) {
        Map<Integer, CalendarYear> next = new TreeMap<>(years);
        next.remove(year);
        return of(next.values());
    }

    /** The loaded years, ascending. */
    public SortedMap<Integer, CalendarYear> years() {
        return years;
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean isLoaded(int year) {
        return years.containsKey(year);
    }

    /** What {@code date} is; provisional when the notice that decides it is not loaded. */
    public CalendarDay day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new CalendarDay(date, kind(date), missingYear(date).isPresent());
    }

    /** Whether {@code date} is a working day (on the weekend rule if its year is not loaded; see {@link #day}). */
    public boolean isWorkingDay(LocalDate date) {
        return kind(Objects.requireNonNull(date, "date")).working();
    }

    /**
     * D + n working days: the n-th working day after {@code from} ({@code from} itself is not
     * counted; n = 0 gives {@code from}).
     *
     * @throws IllegalArgumentException if n is negative or above {@link #MAX_WORKING_DAYS}
     */
    public DueDate plusWorkingDays(LocalDate from, int workingDays) {
        Objects.requireNonNull(from, "from");
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days must be from 0 to " + MAX_WORKING_DAYS + ", not " + workingDays);
        }
        SortedSet<Integer> missing = new TreeSet<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            missingYear(day).ifPresent(missing::add);
            if (kind(day).working()) {
                counted++;
            }
        }
        return new DueDate(day, !missing.isEmpty(), List.copyOf(missing));
    }

    /**
     * The working days in {@code (from, to]}: {@code from} excluded, {@code to} included; 0 when
     * they are the same date.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        SortedSet<Integer> missing = new TreeSet<>();
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            missingYear(day).ifPresent(missing::add);
            if (kind(day).working()) {
                count++;
            }
        }
        return new WorkingDayCount(count, !missing.isEmpty(), List.copyOf(missing));
    }

    private DayKind kind(LocalDate date) {
        DayKind listedKind = listed.get(date);
        if (listedKind != null) {
            return listedKind;
        }
        return CalendarYear.isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    /** The year whose missing notice leaves {@code date} unsettled, if any. */
    private OptionalInt missingYear(LocalDate date) {
        int year = date.getYear();
        if (!years.containsKey(year)) {
            return OptionalInt.of(year);
        }
        boolean nextNoticeReaches = !date.isBefore(CalendarYear.firstListableDay(year + 1));
        if (nextNoticeReaches && !years.containsKey(year + 1)) {
            return OptionalInt.of(year + 1);
        }
        return OptionalInt.empty();
    }

    private static void list(Map<LocalDate, DayKind> listed, CalendarYear year, List<LocalDate> days, DayKind kind) {
        for (LocalDate day : days) {
            DayKind before = listed.putIfAbsent(day, kind);
            if (before != null && before != kind) {
                throw new IllegalArgumentException(day + " is both " + before + " and " + kind
                        + " (calendar of " + year.year() + " disagrees with a neighbouring year)");
            }
        }
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + years.keySet();
    }
}
