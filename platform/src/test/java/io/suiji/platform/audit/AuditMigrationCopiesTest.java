package io.suiji.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every service carries its own copy of the audit_log migration (each under the version number free in
 * its history); the copies must not drift, or one service's trail would be checked by different rules.
 */
class AuditMigrationCopiesTest {

    private static final Map<String, String> COPIES = Map.of(
            "catalog-service", "V2__audit_log.sql",
            "registry-service", "V4__audit_log.sql",
            "sampling-service", "V6__audit_log.sql",
            "enforcement-service", "V8__audit_log.sql",
            "publication-service", "V9__audit_log.sql");

    @Test
    void everyServiceCarriesTheSameAuditLogMigration() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        String reference = read(root, "catalog-service", COPIES.get("catalog-service"));
        for (var copy : COPIES.entrySet()) {
            assertEquals(reference, read(root, copy.getKey(), copy.getValue()), copy.getKey() + " differs from catalog-service");
        }
    }

    private static String read(Path root, String service, String file) throws IOException {
        return Files.readString(root.resolve(service).resolve("src/main/resources/db/migration").resolve(file));
    }
}
