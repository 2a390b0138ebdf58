package io.suiji.publication.calendar;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Loads the bundled official calendar ({@link BundledCalendar}) at start, after Flyway: new years
 * are added, corrected bundled years replaced, years an administrator loaded left alone (see
 * {@link CalendarService#seed}). Idempotent, so every start — and every instance — may run it.
 */
@ApplicationScoped
public class CalendarSeeder {

    /** {@code loaded_by} of the bundled revisions. */
    public static final String SEED_CALLER = "seed:" + BundledCalendar.DIRECTORY;

    private static final Logger LOG = Logger.getLogger(CalendarSeeder.class);

    /** Settings of the working-day calendar. */
    @ConfigMapping(prefix = "suiji.calendar")
    public interface Config {

        /** Whether to load the bundled calendar (2020–2026) at start. */
        @WithDefault("true")
        boolean seed();
    }

    private final CalendarService calendars;
    private final Config config;

    @Inject
    public CalendarSeeder(CalendarService calendars, Config config) {
        this.calendars = calendars;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed()) {
            seed();
        }
    }

    /** Loads the bundle; returns how many revisions it added (0 when all was loaded before). */
    public int seed() {
        int added = calendars.seed(BundledCalendar.read(), SEED_CALLER);
        LOG.infof("working-day calendar: %d bundled year(s) loaded or updated; in force: %s", added, calendars.calendar());
        return added;
    }
}
