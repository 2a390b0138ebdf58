package io.suiji.publication.calendar;

/** What a date is under the working-day calendar. */
public enum DayKind {
    /** An ordinary Monday–Friday: a working day. */
    WORKDAY,
    /** An ordinary Saturday or Sunday: not a working day. */
    WEEKEND,
    /** 放假: a day off listed by a holiday notice, whatever its weekday. */
    DAY_OFF,
    /** 调休上班: a Saturday or Sunday a holiday notice makes a working day. */
    WORKING_WEEKEND;

    public boolean working() {
        return this == WORKDAY || this == WORKING_WEEKEND;
    }
}
