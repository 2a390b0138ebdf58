package io.suiji.catalog.seed;

import java.time.LocalDate;

/**
 * A catalogue shipped as data: a sheet in the attachment's layout (tab-separated, as the source
 * document prints its table), loaded once through the same importer as any upload.
 *
 * @param name           recorded in {@code catalog_seed} once loaded
 * @param resource       classpath location of the sheet
 * @param sourceDocument recorded on every matter of the seed
 * @param effectiveFrom  the day its matters take effect
 * @param codePrefix     codes are {@code <codePrefix>-<序号>}
 */
public record SeedCatalogue(String name, String resource, String sourceDocument, LocalDate effectiveFrom,
        String codePrefix) {

    /**
     * The nine matters of the attachment of 平人社办〔2020〕47号, issued (印发) on 27 April 2020:
     * PDS-2020-01 … PDS-2020-09, PDS for 平顶山, 2020 for the document's year, then the 序号.
     */
    public static final SeedCatalogue PINGDINGSHAN_2020 = new SeedCatalogue(
            "pingdingshan-2020-47",
            "seed/pingdingshan-2020-47.tsv",
            "平人社办〔2020〕47号",
            LocalDate.of(2020, 4, 27),
            "PDS-2020");
}
