package io.suiji.publication.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working-day arithmetic on the official calendar 2020–2026 as bundled. */
class WorkingCalendarTest {

    private static final WorkingCalendar OFFICIAL = BundledCalendar.calendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static CalendarYear year(int year, List<String> daysOff, List<String> workingWeekendDays) {
        return new CalendarYear(year, "test-" + year, List.of(), null,
                daysOff.stream().map(LocalDate::parse).toList(), workingWeekendDays.stream().map(LocalDate::parse).toList());
    }

    @Test
    void theExampleOfTheIssue20200925Plus20IsThe29thOfOctober() {
        // By hand: 09-27 (Sun, 调休上班) 1, 09-28..09-30 2–4, 10-01..10-08 国庆·中秋 off, 10-09 (Fri) 5,
        // 10-10 (Sat, 调休上班) 6, 10-12..10-16 7–11, 10-19..10-23 12–16, 10-26..10-29 17–20.
        DueDate due = OFFICIAL.plusWorkingDays(d("2020-09-25"), 20);
        assertEquals(d("2020-10-29"), due.date());
        assertFalse(due.provisional());
        assertEquals(List.of(), due.missingYears());
    }

    @Test
    void theExtendedSpringFestivalOf2020MakesThe1stOfFebruaryADayOff() {
        // The 2020 notice made Sat 02-01 a working day; the extension (content_5472352) took it back.
        assertEquals(DayKind.DAY_OFF, OFFICIAL.day(d("2020-02-01")).kind());
        assertFalse(OFFICIAL.isWorkingDay(d("2020-01-31")), "Friday 01-31, added by the extension");
        assertFalse(OFFICIAL.isWorkingDay(d("2020-02-02")));
        assertTrue(OFFICIAL.isWorkingDay(d("2020-02-03")));
        assertEquals(d("2020-02-03"), OFFICIAL.plusWorkingDays(d("2020-01-23"), 1).date());
        assertEquals(0, OFFICIAL.workingDaysBetween(d("2020-01-23"), d("2020-02-02")).workingDays());
    }

    @Test
    void weekendWorkingDaysCount() {
        assertEquals(DayKind.WORKING_WEEKEND, OFFICIAL.day(d("2020-01-19")).kind());
        assertEquals(d("2020-01-19"), OFFICIAL.plusWorkingDays(d("2020-01-17"), 1).date(), "Fri + 1 = the working Sunday");
        assertEquals(d("2023-10-08"), OFFICIAL.plusWorkingDays(d("2023-10-07"), 1).date(), "two working weekend days in a row");
        assertEquals(d("2023-10-07"), OFFICIAL.plusWorkingDays(d("2023-09-28"), 1).date(), "09-29..10-06 off, then Sat 10-07");
        assertEquals(DayKind.WEEKEND, OFFICIAL.day(d("2023-10-14")).kind());
        assertEquals(DayKind.WORKDAY, OFFICIAL.day(d("2023-10-09")).kind());
    }

    @Test
    void newYearsDay2023BeganOnTheLastDayOf2022() {
        assertEquals(DayKind.DAY_OFF, OFFICIAL.day(d("2022-12-31")).kind());
        assertFalse(OFFICIAL.day(d("2022-12-31")).provisional());
        assertEquals(d("2023-01-03"), OFFICIAL.plusWorkingDays(d("2022-12-30"), 1).date());
        assertEquals(1, OFFICIAL.workingDaysBetween(d("2022-12-30"), d("2023-01-03")).workingDays());
    }

    @Test
    void aDateTheNextNoticeMayReachIsProvisionalUntilThatYearIsLoaded() {
        // Only 2023 loaded: 2022-12-31 is known to be a day off, but 2022 as a whole is not loaded.
        WorkingCalendar only2023 = WorkingCalendar.of(List.of(OFFICIAL.year(2023).orElseThrow()));
        DueDate due = only2023.plusWorkingDays(d("2022-12-30"), 1);
        assertEquals(d("2023-01-03"), due.date());
        assertTrue(due.provisional());
        assertEquals(List.of(2022), due.missingYears());
        // Only 2022 loaded: its last days are settled only when 2023's notice is loaded too.
        WorkingCalendar only2022 = WorkingCalendar.of(List.of(OFFICIAL.year(2022).orElseThrow()));
        assertTrue(only2022.day(d("2022-12-26")).provisional());
        assertFalse(only2022.day(d("2022-12-24")).provisional());
        assertEquals(List.of(2023), only2022.workingDaysBetween(d("2022-12-01"), d("2022-12-30")).missingYears());
        assertFalse(OFFICIAL.day(d("2022-12-26")).provisional());
    }

    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({"2020, 249", "2021, 250", "2022, 249", "2023, 249", "2024, 251", "2025, 248", "2026, 248"})
    void workingDaysPerYear(int year, int expected) {
        // Totals computed separately from the reference table (shared/reference/cn-working-calendar.md).
        WorkingDayCount count = OFFICIAL.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
        assertEquals(expected, count.workingDays());
        // 2026's last week stays provisional until 2027's notice, which may reach back into it, is loaded.
        assertEquals(year == 2026 ? List.of(2027) : List.of(), count.missingYears());
    }

    @Test
    void yearBoundaries() {
        assertEquals(d("2021-01-04"), OFFICIAL.plusWorkingDays(d("2020-12-31"), 1).date(), "2021-01-01..01-03 off");
        assertEquals(d("2022-01-04"), OFFICIAL.plusWorkingDays(d("2021-12-31"), 1).date());
        assertEquals(d("2024-01-02"), OFFICIAL.plusWorkingDays(d("2023-12-29"), 1).date());
        assertEquals(d("2026-01-04"), OFFICIAL.plusWorkingDays(d("2025-12-31"), 1).date(), "2026-01-04 is a working Sunday");
        assertEquals(d("2026-01-05"), OFFICIAL.plusWorkingDays(d("2025-12-31"), 2).date());
    }

    @Test
    void crossingFrom2026Into2027IsProvisionalAndSaysWhy() {
        DueDate due = OFFICIAL.plusWorkingDays(d("2026-12-28"), 5);
        // 12-29, 12-30, 12-31, then 2027 on weekends only: Fri 01-01 counts (its notice may well make it 元旦), Mon 01-04.
        assertEquals(d("2027-01-04"), due.date());
        assertTrue(due.provisional());
        assertEquals(List.of(2027), due.missingYears());
        WorkingDayCount count = OFFICIAL.workingDaysBetween(d("2026-12-28"), d("2027-01-04"));
        assertEquals(5, count.workingDays());
        assertTrue(count.provisional());
        assertTrue(OFFICIAL.day(d("2027-01-01")).provisional());
    }

    @Test
    void theLastDaysOf2026AreProvisionalTooFor2027sNoticeMayReachBack() {
        assertTrue(OFFICIAL.plusWorkingDays(d("2026-12-24"), 1).provisional(), "12-25 may be listed by the 2027 notice");
        DueDate settled = OFFICIAL.plusWorkingDays(d("2026-12-01"), 10);
        assertEquals(d("2026-12-15"), settled.date());
        assertFalse(settled.provisional());
    }

    @Test
    void loadingTheNextYearSettlesTheCrossing() {
        WorkingCalendar with2027 = OFFICIAL.with(year(2027, List.of("2027-01-01", "2027-01-02", "2027-01-03"), List.of()));
        DueDate due = with2027.plusWorkingDays(d("2026-12-28"), 5);
        assertEquals(d("2027-01-05"), due.date());
        assertFalse(due.provisional());
    }

    @Test
    void aYearBeforeTheFirstLoadedOneIsProvisional() {
        DueDate due = OFFICIAL.plusWorkingDays(d("2019-12-30"), 3);
        assertEquals(d("2020-01-03"), due.date(), "12-31 (2019, weekends only), 01-02, 01-03");
        assertEquals(List.of(2019), due.missingYears());
    }

    @Test
    void zeroWorkingDaysIsTheStartDateItselfEvenOnAHoliday() {
        DueDate due = OFFICIAL.plusWorkingDays(d("2020-10-01"), 0);
        assertEquals(d("2020-10-01"), due.date());
        assertFalse(due.provisional());
        assertEquals(0, OFFICIAL.workingDaysBetween(d("2020-10-01"), d("2020-10-01")).workingDays());
        assertFalse(OFFICIAL.plusWorkingDays(d("2030-06-05"), 0).provisional(), "no day was counted");
    }

    @Test
    void theStartDayIsNotCountedTheEndDayIs() {
        // Mon 2024-03-04 to Fri 03-08: 03-05..03-08 = 4.
        assertEquals(4, OFFICIAL.workingDaysBetween(d("2024-03-04"), d("2024-03-08")).workingDays());
        assertEquals(d("2024-03-08"), OFFICIAL.plusWorkingDays(d("2024-03-04"), 4).date());
    }

    @Test
    void manyWorkingDaysStayConsistentWithTheCount() {
        DueDate due = OFFICIAL.plusWorkingDays(d("2020-01-01"), 1000);
        assertFalse(due.provisional());
        assertTrue(OFFICIAL.isWorkingDay(due.date()));
        assertEquals(1000, OFFICIAL.workingDaysBetween(d("2020-01-01"), due.date()).workingDays());
        // 2020..2023 have 249+250+249+249 = 997 working days; the 998th–1000th are 2024-01-02..01-04.
        assertEquals(d("2024-01-04"), due.date());
        DueDate far = OFFICIAL.plusWorkingDays(d("2020-01-01"), WorkingCalendar.MAX_WORKING_DAYS);
        assertTrue(far.provisional());
        assertEquals(2027, far.missingYears().get(0));
    }

    @Test
    void forEveryStartInTheOfficialYearsAddingAndCountingAgree() {
        for (LocalDate from = d("2020-01-01"); from.isBefore(d("2026-12-01")); from = from.plusDays(1)) {
            for (int n : new int[] {1, 5, 20}) {
                DueDate due = OFFICIAL.plusWorkingDays(from, n);
                assertTrue(OFFICIAL.isWorkingDay(due.date()), () -> "result must be a working day: " + due);
                assertEquals(n, OFFICIAL.workingDaysBetween(from, due.date()).workingDays());
                assertEquals(n - 1, OFFICIAL.workingDaysBetween(from, due.date().minusDays(1)).workingDays(), "the n-th, not later");
            }
        }
    }

    @Test
    void anEmptyCalendarCountsWeekendsOnlyAndSaysSo() {
        WorkingDayCount count = WorkingCalendar.empty().workingDaysBetween(d("2030-01-06"), d("2030-01-13"));
        assertEquals(5, count.workingDays());
        assertEquals(List.of(2030), count.missingYears());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OFFICIAL.plusWorkingDays(d("2020-01-01"), -1));
        assertThrows(IllegalArgumentException.class,
                () -> OFFICIAL.plusWorkingDays(d("2020-01-01"), WorkingCalendar.MAX_WORKING_DAYS + 1));
        assertThrows(IllegalArgumentException.class, () -> OFFICIAL.workingDaysBetween(d("2020-01-02"), d("2020-01-01")));
        assertThrows(NullPointerException.class, () -> OFFICIAL.plusWorkingDays(null, 1));
    }

    @Test
    void neighbouringYearsThatContradictEachOtherCannotBeCombined() {
        CalendarYear a = year(2022, List.of("2022-01-03"), List.of("2022-12-31"));
        CalendarYear b = year(2023, List.of("2022-12-31"), List.of());
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.of(List.of(a, b)));
        CalendarYear same = year(2022, List.of("2022-12-31"), List.of());
        assertEquals(DayKind.DAY_OFF, WorkingCalendar.of(List.of(same, b)).day(d("2022-12-31")).kind(), "agreeing is fine");
    }
}
