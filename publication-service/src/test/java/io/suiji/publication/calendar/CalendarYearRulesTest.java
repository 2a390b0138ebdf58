package io.suiji.publication.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checks on a new year's data: every problem reported, each naming its field. */
class CalendarYearRulesTest {

    private static CalendarYearInput input(Integer year, String noticeId, List<String> daysOff, List<String> working) {
        return new CalendarYearInput(year, noticeId, List.of(), "test data", daysOff, working, List.of());
    }

    private static Map<String, String> problems(int year, CalendarYearInput input, WorkingCalendar loaded) {
        InvalidCalendarYearException e = assertThrows(InvalidCalendarYearException.class,
                () -> CalendarYearRules.accept(year, input, loaded));
        return e.problems().stream().collect(Collectors.toMap(CalendarProblem::field, CalendarProblem::message, (a, b) -> a + " | " + b));
    }

    @Test
    void aPlausible2027IsAccepted() {
        CalendarYear year = CalendarYearRules.accept(2027, input(null, " 7100000 ",
                List.of("2027-01-03", "2027-01-01", "2027-01-02"), List.of("2027-02-06")), BundledCalendar.calendar());
        assertEquals(2027, year.year());
        assertEquals("7100000", year.noticeId(), "stripped");
        assertEquals(LocalDate.parse("2027-01-01"), year.daysOff().get(0), "sorted");
        assertEquals(List.of(LocalDate.parse("2027-02-06")), year.workingWeekendDays());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CalendarYearInput bad = new CalendarYearInput(2029, " ", List.of("x", "x"), null,
                Arrays.asList("2028-05-01", "2028-02-30", "2028-05-01", "2029-01-01", "2027-12-24", "2027-12-25", null, "1 May"),
                List.of("2028-01-05", "2028-05-01", "2028-10-14", "2028-10-14"), List.of("workingWeekends"));
        Map<String, String> problems = problems(2028, bad, WorkingCalendar.empty());

        assertTrue(problems.get("workingWeekends").contains("not a known field"));
        assertTrue(problems.get("year").contains("2029"));
        assertTrue(problems.get("noticeId").contains("required"));
        assertTrue(problems.get("amendingNoticeIds[1]").contains("listed twice"));
        assertTrue(problems.get("daysOff[1]").contains("not a date"), "2028-02-30 does not exist");
        assertTrue(problems.get("daysOff[2]").contains("listed twice (also daysOff[0])"));
        assertTrue(problems.get("daysOff[3]").contains("outside"), "2029-01-01 belongs to 2029");
        assertTrue(problems.get("daysOff[4]").contains("outside"), "12-24 is before the previous December's last week");
        assertTrue(problems.get("daysOff[6]").contains("not a date"));
        assertTrue(problems.get("daysOff[7]").contains("not a date"));
        assertTrue(problems.get("workingWeekendDays[0]").contains("Wednesday"));
        assertTrue(problems.get("workingWeekendDays[1]").contains("also daysOff[0]"), "both a day off and a working day");
        assertTrue(problems.get("workingWeekendDays[3]").contains("listed twice"));
        assertEquals(13, problems.size(), problems::toString);
    }

    @Test
    void theNewYearHolidayMayStartInTheLastWeekOfThePreviousDecember() {
        CalendarYear year2023 = CalendarYearRules.accept(2023, input(2023, "5730844",
                List.of("2022-12-31", "2023-01-01", "2023-01-02"), List.of()), WorkingCalendar.empty());
        assertEquals(LocalDate.parse("2022-12-31"), year2023.daysOff().get(0));
        assertEquals(LocalDate.parse("2022-12-25"), CalendarYear.firstListableDay(2023));
    }

    @Test
    void aYearMustNotContradictItsLoadedNeighbour() {
        WorkingCalendar loaded = WorkingCalendar.of(List.of(new CalendarYear(2022, "n", List.of(), null,
                List.of(LocalDate.parse("2022-01-03")), List.of(LocalDate.parse("2022-12-31")))));
        Map<String, String> problems = problems(2023, input(2023, "5730844", List.of("2023-01-02", "2022-12-31"), List.of()), loaded);
        assertEquals(Map.of("daysOff[1]", "2022-12-31 contradicts the loaded calendar of 2022, which lists it as a working day"),
                problems);
    }

    @Test
    void replacingAYearIsNotCheckedAgainstItsOwnOldData() {
        WorkingCalendar loaded = WorkingCalendar.of(List.of(new CalendarYear(2027, "old", List.of(), null,
                List.of(LocalDate.parse("2027-01-01")), List.of(LocalDate.parse("2027-01-02")))));
        CalendarYear replaced = CalendarYearRules.accept(2027, input(2027, "new", List.of("2027-01-02"), List.of()), loaded);
        assertEquals("new", replaced.noticeId());
    }

    @Test
    void aYearWithoutDaysOffOrOutsideTheRangeIsRefused() {
        assertEquals(Map.of("daysOff", "must list at least one day off (every date of each holiday block)"),
                problems(2027, input(null, "n", List.of(), List.of()), WorkingCalendar.empty()));
        assertTrue(problems(2027, input(null, "n", null, null), WorkingCalendar.empty()).containsKey("daysOff"));
        assertTrue(problems(1899, input(null, "n", List.of("1899-01-01"), List.of()), WorkingCalendar.empty()).containsKey("year"));
        assertTrue(problems(2027, null, WorkingCalendar.empty()).containsKey("body"));
        List<String> tooMany = Collections.nCopies(367, "2027-01-01");
        assertEquals(Map.of("daysOff", "lists 367 dates; a year has at most 366"),
                problems(2027, input(null, "n", tooMany, List.of()), WorkingCalendar.empty()));
    }

    @Test
    void noticeIdsAreBounded() {
        assertTrue(problems(2027, input(null, "x".repeat(101), List.of("2027-01-01"), List.of()), WorkingCalendar.empty())
                .get("noticeId").contains("at most 100"));
        assertTrue(problems(2027, input(null, "a\nb", List.of("2027-01-01"), List.of()), WorkingCalendar.empty())
                .containsKey("noticeId"));
    }
}
