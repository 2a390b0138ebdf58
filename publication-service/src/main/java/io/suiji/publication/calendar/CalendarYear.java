package io.suiji.publication.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 某年的节假日安排: one year's calendar as the State Council General Office's notice
 * (国务院办公厅关于XXXX年部分节假日安排的通知) sets it — the days off (放假, every date of each
 * block, weekends included) and the weekend days that are working days (调休上班). Everything
 * else follows the weekend rule.
 *
 * <p>A notice may reach into the last days of the previous December (2023's 元旦 began on
 * 2022-12-31), so the dates may lie from {@link #firstListableDay} to {@link #lastListableDay}.
 * Build one from untrusted input through {@link CalendarYearRules}, which reports every problem;
 * this constructor only guards the invariants.
 *
 * @param noticeId          the notice's id on the central government website (gov.cn {@code content_<id>})
 * @param amendingNoticeIds later notices that changed this year (2020: the Spring Festival extension)
 * @param source            where the data was copied from, free text
 */
public record CalendarYear(int year, String noticeId, List<String> amendingNoticeIds, String source,
        List<LocalDate> daysOff, List<LocalDate> workingWeekendDays) {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    /** How many days of the previous December a notice may list (2023's 元旦 began 2022-12-31). */
    public static final int PREVIOUS_DECEMBER_REACH = 7;

    public CalendarYear {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        if (noticeId == null || noticeId.isBlank()) {
            throw new IllegalArgumentException("noticeId is required");
        }
        amendingNoticeIds = List.copyOf(amendingNoticeIds);
        daysOff = daysOff.stream().sorted().toList();
        workingWeekendDays = workingWeekendDays.stream().sorted().toList();
        Set<LocalDate> seen = new HashSet<>();
        for (LocalDate day : daysOff) {
            requireListable(year, day);
            if (!seen.add(day)) {
                throw new IllegalArgumentException(day + " is listed twice");
            }
        }
        for (LocalDate day : workingWeekendDays) {
            requireListable(year, day);
            if (!isWeekend(day)) {
                throw new IllegalArgumentException(day + " is not a Saturday or Sunday");
            }
            if (!seen.add(day)) {
                throw new IllegalArgumentException(day + " is listed twice");
            }
        }
    }

    /** The earliest date a notice for {@code year} may list: 12-25 of the year before. */
    public static LocalDate firstListableDay(int year) {
        return LocalDate.of(year - 1, 12, 31).minusDays(PREVIOUS_DECEMBER_REACH - 1);
    }

    public static LocalDate lastListableDay(int year) {
        return LocalDate.of(year, 12, 31);
    }

    public static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The title of the yearly notice, as the State Council General Office names it. */
    public String noticeTitle() {
        return "国务院办公厅关于" + year + "年部分节假日安排的通知";
    }

    /**
     * SHA-256 (hex) of a canonical text of the data, so that loading the same data again can be
     * recognised as no change.
     */
    public String contentDigest() {
        List<String> lines = new ArrayList<>();
        lines.add("year=" + year);
        lines.add("notice=" + noticeId);
        lines.add("amending=" + String.join(",", amendingNoticeIds));
        lines.add("source=" + (source == null ? "" : source));
        lines.add("off=" + String.join(",", daysOff.stream().map(LocalDate::toString).toList()));
        lines.add("working=" + String.join(",", workingWeekendDays.stream().map(LocalDate::toString).toList()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void requireListable(int year, LocalDate day) {
        Objects.requireNonNull(day, "date");
        if (day.isBefore(firstListableDay(year)) || day.isAfter(lastListableDay(year))) {
            throw new IllegalArgumentException(day + " is outside the calendar of " + year);
        }
    }
}
