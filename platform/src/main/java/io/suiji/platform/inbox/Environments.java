package io.suiji.platform.inbox;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps environments that share one broker apart. The system tests run their own services ({@code _it}
 * databases, consumer groups and event sources ending in {@code -it}) against the same local Kafka
 * as the development suite; without this, each would project the other's registry, catalogue and
 * inspections into its read models. A service's events carry {@code urn:suiji:<name>-service<suffix>}
 * as their CloudEvents source, and a consumer takes only events of its own suffix. Events with
 * another kind of source (or none, as in component tests) are taken.
 */
public final class Environments {

    private static final String PREFIX = "urn:suiji:";
    private static final String MARK = "-service";
    private static volatile String own;

    private Environments() {
    }

    /** Whether an event from {@code source} belongs to the environment whose suffix is {@code suffix}. */
    public static boolean sameEnvironment(String source, String suffix) {
        if (source == null || !source.startsWith(PREFIX)) {
            return true;
        }
        int mark = source.lastIndexOf(MARK);
        if (mark < 0) {
            return true;
        }
        return source.substring(mark + MARK.length()).equals(suffix == null ? "" : suffix);
    }

    /** This service's suffix: {@code suiji.kafka.group-suffix} ({@code -it} in system tests, else empty). */
    static String ownSuffix() {
        String suffix = own;
        if (suffix == null) {
            suffix = ConfigProvider.getConfig().getOptionalValue("suiji.kafka.group-suffix", String.class).orElse("");
            own = suffix;
        }
        return suffix;
    }
}
