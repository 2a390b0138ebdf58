package io.suiji.publication.calendar;

import java.util.List;

/** A year's calendar data broke the rules; carries every problem found, not just the first. */
public class InvalidCalendarYearException extends RuntimeException {

    private final transient List<CalendarProblem> problems;

    public InvalidCalendarYearException(List<CalendarProblem> problems) {
        super(problems.size() + " problem(s) in the calendar data, first: "
                + (problems.isEmpty() ? "-" : problems.get(0).field() + ": " + problems.get(0).message()));
        this.problems = List.copyOf(problems);
    }

    public List<CalendarProblem> problems() {
        return problems;
    }
}
