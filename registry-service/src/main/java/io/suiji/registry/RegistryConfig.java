package io.suiji.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.ZoneId;

/** Settings of the registry; the defaults work locally, production sets the two keys from the environment. */
@ConfigMapping(prefix = "suiji.registry")
public interface RegistryConfig {

    /** Marks the throwaway keys of application.properties, so that a production start can warn about them. */
    String THROWAWAY_MARK = "local-only-throwaway";

    /** The bureau's time zone: "today" for dates and the inspection year. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Secret of the keyed hash (HMAC-SHA256) that identifies individuals in data and events. */
    String piiKey();

    /** Secret of the AES-256-GCM key that seals clear resident ID numbers at rest. */
    String idEncryptionKey();

    Imports imports();

    interface Imports {

        /** Rows parsed, looked up and written together. */
        @WithDefault("5000")
        int chunkSize();

        /** Largest accepted upload, in megabytes (the HTTP limit is set to match in application.properties). */
        @WithDefault("1024")
        int maxFileMegabytes();
    }

    default LocalDate today() {
        return LocalDate.now(zone());
    }
}
