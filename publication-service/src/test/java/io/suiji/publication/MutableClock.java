package io.suiji.publication;

import io.suiji.publication.disclosure.Clocks;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The service clock in component tests: the real time unless a test sets it (then reset it). */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant fixed;

    /** Fixes the clock at {@code time} on {@code date}, China Standard Time. */
    public void set(LocalDate date, LocalTime time) {
        fixed = date.atTime(time).atZone(Clocks.CHINA).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return Clocks.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(Clocks.CHINA) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
