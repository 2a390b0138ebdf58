package io.suiji.publication.disclosure;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The service's clock, injectable so that component tests can move time (deadline warnings,
 * on-time publication). Dates are judged in China Standard Time, where the deadlines run.
 */
@ApplicationScoped
public class Clocks {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.system(CHINA);
    }
}
