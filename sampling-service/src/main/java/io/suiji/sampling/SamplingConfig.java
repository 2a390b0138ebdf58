package io.suiji.sampling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * Defaults of the draw rules; a plan task may override each of them. The defaults suit one
 * bureau; production values come from the environment ({@code SUIJI_SAMPLING_ANNUAL_CAP} …).
 */
@ConfigMapping(prefix = "suiji.sampling")
public interface SamplingConfig {

    /** An entity inspected for the same matter within this many days is left out of the draw. */
    @WithDefault("365")
    int exclusionWindowDays();

    /** An entity the plan's department already inspected this many times in the plan's year is left out (执法扰民). */
    @WithDefault("2")
    int annualCap();

    /** The same cap for entities in which no violation was found the year before: at most once a year. */
    @WithDefault("1")
    int annualCapWithoutViolation();

    /** Inspectors per group (≥ 2, DESIGN §2). */
    @WithDefault("2")
    int groupSize();

    /** Targets an inspector may be assigned in one plan year, counting earlier draws. */
    @WithDefault("30")
    int workloadCap();

    /** A KEY matter sampled at this percentage or more gets its batch order drawn as well. */
    @WithDefault("50")
    BigDecimal batchOrderFromPercent();

    /** The time zone whose date is "today" for exclusion windows. */
    @WithDefault("Asia/Shanghai")
    String zone();
}
