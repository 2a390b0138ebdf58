package io.suiji.bench.registry;

import static io.suiji.bench.ServiceClasses.invoke;

import io.suiji.platform.outbox.RelayBatch;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Issue #4: import N synthetic entity rows (default 1,000,000) through the registry's own import
 * code ({@code BulkImport}: the path the service's jobs take, minus HTTP), measured against a bare
 * PostgreSQL {@code COPY} of the same file in the same run; then drain the import's outbox events
 * to Kafka with the services' own {@link RelayBatch} and report when the last one is on the topic.
 *
 * <p>The registry classes are reached by name (reflection), so that this module compiles without
 * depending on registry-service; {@code bench/run registry-import} puts them on the class path.
 *
 * <pre>
 * bench/run registry-import [rows] [ALL_OR_NOTHING|KEEP_GOOD_ROWS] [--no-kafka]
 * </pre>
 */
public final class RegistryImportBenchmark {

    private static final String TOPIC = "bench.registry.entities";
    // Throwaway keys: the benchmark's data is synthetic.
    private static final String PII_KEY = "bench-only-throwaway-pii-key-0123456789";
    private static final String ID_KEY = "bench-only-throwaway-id-key-0123456789";
    private static final List<String> MIGRATIONS = List.of("db/platform/V0_1__outbox_and_inbox.sql",
            "db/migration/V1__baseline.sql", "db/migration/V2__registries.sql", "db/migration/V3__imports.sql");

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        String mode = "ALL_OR_NOTHING";
        boolean kafka = true;
        for (String arg : args) {
            if (arg.equals("--no-kafka")) {
                kafka = false;
            } else if (arg.matches("\\d+")) {
                rows = Long.parseLong(arg);
            } else {
                mode = arg;
            }
        }
        String url = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/suiji_bench");
        String password = System.getProperty("bench.password", "suiji-local-only");
        String bootstrap = System.getProperty("bench.kafka", "127.0.0.1:9092");
        int chunk = Integer.getInteger("bench.chunk", 5000);

        Path dir = Files.createTempDirectory("registry-import-bench");
        long t0 = System.nanoTime();
        invoke("io.suiji.registry.synthetic.SyntheticRegistry", "main", new Class<?>[] {String[].class},
                (Object) new String[] {"--targets", String.valueOf(rows), "--inspectors", "0", "--seed", "2020", "--out", dir.toString()});
        Path file = dir.resolve("entities.csv");
        double generate = seconds(t0);
        System.out.printf("file: %s, %,d bytes, generated in %.1f s%n", file, Files.size(file), generate);

        try (Connection db = DriverManager.getConnection(url, "suiji", password)) {
            resetSchema(db);
            double copy = bareCopy(db, file);
            String loadBefore = load();
            long t1 = System.nanoTime();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) invoke("io.suiji.registry.importing.BulkImport", "runFile",
                    new Class<?>[] {Connection.class, Path.class, String.class, String.class, String.class, String.class, int.class},
                    db, file, "ENTITIES", mode, PII_KEY, ID_KEY, chunk);
            double imported = seconds(t1);
            long outbox = count(db, "select count(*) from outbox_event");
            long entities = count(db, "select count(*) from target_entity");
            System.out.println("import: " + result);
            if (entities != rows || outbox != rows) {
                throw new IllegalStateException("expected " + rows + " entities and events, found " + entities + " and " + outbox);
            }
            String relay = "not run (--no-kafka)";
            String lastOnKafka = "–";
            if (kafka) {
                double relaySeconds = relay(db, bootstrap, rows);
                relay = String.format("%.1f", relaySeconds);
                lastOnKafka = String.format("%.1f", imported + relaySeconds);
            }
            System.out.println();
            System.out.println("| rows | mode | bare COPY s | import s | import ÷ COPY | rows/s | relay s | last event on Kafka after s | load average |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---|");
            System.out.printf("| %,d | %s | %.1f | %.1f | %.1f× | %,.0f | %s | %s | %s → %s |%n", rows, mode, copy, imported,
                    imported / copy, rows / imported, relay, lastOnKafka, loadBefore, load());
        } finally {
            Files.deleteIfExists(dir.resolve("entities.csv"));
            Files.deleteIfExists(dir.resolve("inspectors.csv"));
            Files.deleteIfExists(dir);
        }
    }

    private static void resetSchema(Connection db) throws SQLException, IOException {
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists import_rejection, import_job, inspector, target_entity, outbox_event,"
                    + " processed_event, bare_copy cascade");
            for (String migration : MIGRATIONS) {
                try (InputStream in = RegistryImportBenchmark.class.getClassLoader().getResourceAsStream(migration)) {
                    if (in == null) {
                        throw new IllegalStateException(migration + " is not on the class path");
                    }
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** The floor: COPY of the same file into a table of text columns, no checks, no index, no events. */
    private static double bareCopy(Connection db, Path file) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("create table bare_copy (code text, name text, target_types text, region text, address text,"
                    + " credit_class text, credit_class_date text, complaints text, serious text, abnormal text, insured text,"
                    + " registered_on text, deregistered_on text)");
        }
        long t = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(3); // the BOM
            db.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bare_copy from stdin (format csv, header true)", in);
        }
        double seconds = seconds(t);
        try (Statement s = db.createStatement()) {
            s.execute("drop table bare_copy");
        }
        return seconds;
    }

    private static double relay(Connection db, String bootstrap, long rows) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (admin.listTopics().names().get().contains(TOPIC)) {
                admin.deleteTopics(List.of(TOPIC)).all().get();
                while (admin.listTopics().names().get().contains(TOPIC)) {
                    Thread.sleep(200);
                }
            }
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            // keep the benchmark's events off the suite's own topic
            try (Statement s = db.createStatement()) {
                s.executeUpdate("update outbox_event set topic = '" + TOPIC + "'");
                s.execute("vacuum analyze outbox_event");
            }
            Properties base = new Properties();
            base.put("bootstrap.servers", bootstrap);
            var timings = new RelayBatch.Timings();
            long t = System.nanoTime();
            try (var producer = new KafkaProducer<>(RelayBatch.producerSettings(base, "bench-registry-import"),
                    new StringSerializer(), new ByteArraySerializer())) {
                var relay = new RelayBatch(producer, "urn:suiji:registry-service", 5000, timings);
                while (relay.run(db) > 0) {
                    // drain
                }
            }
            double seconds = seconds(t);
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long onTopic = admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            if (onTopic != rows) {
                throw new IllegalStateException("expected " + rows + " records on " + TOPIC + ", found " + onTopic);
            }
            System.out.println("relay: " + timings);
            return seconds;
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
