package io.suiji.enforcement;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of record are the bureau's local dates (China Standard Time). */
public final class Clock {

    public static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    private Clock() {
    }

    public static LocalDate today() {
        return LocalDate.now(BUREAU);
    }
}
