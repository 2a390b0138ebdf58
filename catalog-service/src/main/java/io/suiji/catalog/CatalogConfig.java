package io.suiji.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.ZoneId;

/** Settings of the catalogue; the defaults are the Pingdingshan bureau's. */
@ConfigMapping(prefix = "suiji.catalog")
public interface CatalogConfig {

    /** The bureau's time zone: "today" for effective dates is a day in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * Codes of matters created by an import are {@code <prefix>-<year>-<nn>}, e.g. PDS-2025-10
     * (PDS = 平顶山); an import may name another prefix.
     */
    @WithDefault("PDS")
    String codePrefix();

    Seed seed();

    interface Seed {

        /** Whether the nine matters of 平人社办〔2020〕47号 are loaded on first start. */
        @WithDefault("true")
        boolean enabled();
    }

    default LocalDate today() {
        return LocalDate.now(zone());
    }
}
