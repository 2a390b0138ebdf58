package io.suiji.bench;

import io.suiji.platform.outbox.RelayBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
 * Outbox relay throughput to the local broker: fills an outbox table with N realistic events, then
 * drives the services' own {@link RelayBatch} until the table is drained, and checks that exactly N
 * records reached the topic. Prints one Markdown table row per batch size.
 */
public final class RelayThroughput {

    private static final String TOPIC = "bench.relay";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String url = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/suiji_bench");
        String bootstrap = System.getProperty("bench.kafka", "127.0.0.1:9092");
        System.out.println("| events | batch size | fill (COPY) s | relay s | events/s | where the relay's time goes |");
        System.out.println("|---:|---:|---:|---:|---:|---|");
        for (int batchSize : new int[] {500, 1000, 5000}) {
            run(url, bootstrap, events, batchSize);
        }
    }

    private static void run(String url, String bootstrap, int events, int batchSize) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "suiji", System.getProperty("bench.password", "suiji-local-only"));
                Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            resetSchema(db);
            resetTopic(admin);
            long fillStart = System.nanoTime();
            fill(db, events);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            Properties base = new Properties();
            base.put("bootstrap.servers", bootstrap);
            var timings = new RelayBatch.Timings();
            long relayStart;
            try (var producer = new KafkaProducer<>(RelayBatch.producerSettings(base, "bench-relay"),
                    new StringSerializer(), new ByteArraySerializer())) {
                var relay = new RelayBatch(producer, "urn:suiji:bench", batchSize, timings);
                relayStart = System.nanoTime();
                while (relay.run(db) > 0) {
                    // drain
                }
            }
            double relaySeconds = (System.nanoTime() - relayStart) / 1e9;
            long onTopic = countOnTopic(admin);
            if (onTopic != events || timings.events != events) {
                throw new IllegalStateException("expected " + events + " records, topic has " + onTopic
                        + ", relay counted " + timings.events);
            }
            System.out.printf("| %,d | %,d | %.2f | %.2f | %,.0f | %s |%n", events, batchSize, fillSeconds, relaySeconds,
                    events / relaySeconds, timings);
        }
    }

    private static void resetSchema(Connection db) throws SQLException, IOException {
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute("drop table if exists outbox_event, processed_event");
            statement.execute(platformMigration());
        }
    }

    private static String platformMigration() throws IOException {
        try (InputStream in = RelayBatch.class.getClassLoader()
                .getResourceAsStream("db/platform/V0_1__outbox_and_inbox.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // A MatterPublished-sized body (~700 bytes of JSON, mostly Chinese text), as the services write.
    private static void fill(Connection db, int events) throws SQLException, IOException {
        String payload = "{\"matter\":{\"code\":\"PDS-%d\",\"version\":1,\"displayOrder\":1,\"name\":\"人力资源服务机构管理检查\","
                + "\"legalBases\":[\"《中华人民共和国就业促进法》第六十、六十五条\",\"《人力资源市场暂行条例》（国务院令700号）第三十五条、第四十三条\"],"
                + "\"targetTypes\":[\"人力资源服务机构\"],\"checkItems\":[\"是否符合设立条件\",\"经营情况和人力资源服务活动情况\",\"法律、法规和规章规定的其他事项\"],"
                + "\"category\":\"GENERAL\",\"methods\":[\"ON_SITE\"],\"ratio\":{\"percent\":5,\"minimumCount\":null},"
                + "\"frequency\":{\"timesPerYear\":1,\"asNeeded\":false},\"levels\":[\"CITY\",\"COUNTY\"],"
                + "\"implementingBody\":\"市、县人力资源社会保障部门\",\"responsibleUnits\":[\"劳动保障监察局（支队）\"],"
                + "\"effectiveFrom\":\"2020-04-27\",\"status\":\"PUBLISHED\",\"sourceDocument\":\"平人社办〔2020〕47号\"}}";
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        int chunk = 50_000;
        for (int from = 0; from < events; from += chunk) {
            StringBuilder rows = new StringBuilder();
            for (int i = from; i < Math.min(events, from + chunk); i++) {
                rows.append(UUID.randomUUID()).append('\t').append(TOPIC).append('\t').append("PDS-").append(i % 5000)
                        .append('\t').append("io.suiji.catalog.MatterPublished.v1").append('\t')
                        .append(String.format(payload, i).replace("\\", "\\\\")).append('\n');
            }
            copy.copyIn("copy outbox_event (event_id, topic, aggregate_id, event_type, payload) from stdin",
                    new StringReader(rows.toString()));
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("analyze outbox_event");
        }
    }

    private static void resetTopic(Admin admin) throws Exception {
        if (admin.listTopics().names().get().contains(TOPIC)) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
            while (admin.listTopics().names().get().contains(TOPIC)) {
                Thread.sleep(200);
            }
        }
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        Thread.sleep(500);
    }

    private static long countOnTopic(Admin admin) throws Exception {
        var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                .map(p -> new TopicPartition(TOPIC, p.partition()))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }
}
