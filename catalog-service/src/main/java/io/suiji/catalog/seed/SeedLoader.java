package io.suiji.catalog.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.suiji.catalog.CatalogConfig;
import io.suiji.catalog.importing.CatalogImporter;
import io.suiji.catalog.importing.CsvTable;
import io.suiji.catalog.importing.ImportReport;
import io.suiji.catalog.importing.TableFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Loads the seed catalogue on first start: through the importer, so the seed obeys every rule an
 * upload does and its matters leave as {@code MatterPublished} events through the outbox (that is
 * how sampling's read model receives them). Recorded in {@code catalog_seed}, so a restart — or a
 * matter later retired — does not bring it back.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    static final String SEED_CALLER = CatalogImporter.SYSTEM_CALLER;

    private final CatalogImporter importer;
    private final EntityManager em;
    private final CatalogConfig config;

    @Inject
    public SeedLoader(CatalogImporter importer, EntityManager em, CatalogConfig config) {
        this.importer = importer;
        this.em = em;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            load(SeedCatalogue.PINGDINGSHAN_2020);
        }
    }

    /** Loads {@code seed} unless it was loaded before; returns whether it loaded it now. */
    public boolean load(SeedCatalogue seed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Two instances starting together: the second waits here, then sees the first one's row.
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext('catalog_seed'))) l")
                    .getSingleResult();
            Number loaded = (Number) em.createNativeQuery("select count(*) from catalog_seed where name = ?1")
                    .setParameter(1, seed.name()).getSingleResult();
            if (loaded.intValue() > 0) {
                return false;
            }
            var options = new CatalogImporter.Options(seed.resource(), TableFormat.CSV, seed.effectiveFrom(),
                    seed.codePrefix(), seed.sourceDocument(), SEED_CALLER);
            ImportReport report = importer.commit(CsvTable.readTabSeparated(text(seed.resource())), options);
            em.createNativeQuery("insert into catalog_seed (name, matters) values (?1, ?2)")
                    .setParameter(1, seed.name())
                    .setParameter(2, report.rows().size())
                    .executeUpdate();
            LOG.infof("seed %s loaded: %d matters from %s", seed.name(), report.summary().created(),
                    seed.sourceDocument());
            return true;
        });
    }

    private static String text(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
