package io.suiji.platform.outbox;

import io.suiji.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One relay step on plain JDBC and a Kafka producer, free of CDI so that the benchmark drives the
 * very code the services run: claim a batch, send it, wait for every acknowledgement, mark the
 * rows, commit. Any failure rolls the claim back; the rows are tried again later.
 */
public final class RelayBatch {

    private static final String LEADER_LOCK = "select pg_try_advisory_xact_lock(hashtext('suiji.outbox.relay'))";
    private static final String CLAIM = """
            select id, event_id, topic, aggregate_id, event_type, payload::text, occurred_at
            from outbox_event where published_at is null order by id limit ? for update skip locked""";
    private static final String MARK = "update outbox_event set published_at = now() where id = any(?)";

    /** Where a relay spends its time, in nanoseconds, summed over batches. */
    public static final class Timings {
        public long claim;
        public long send;
        public long acknowledge;
        public long mark;
        public long commit;
        public long events;
        public long batches;

        @Override
        public String toString() {
            double total = claim + send + acknowledge + mark + commit;
            return String.format("claim %.0f%%, send %.0f%%, wait for acks %.0f%%, mark %.0f%%, commit %.0f%% (%d batches)",
                    100 * claim / total, 100 * send / total, 100 * acknowledge / total, 100 * mark / total,
                    100 * commit / total, batches);
        }
    }

    /**
     * The producer settings the relay needs on top of the service's own {@code kafka.*} ones:
     * idempotent and {@code acks=all} always; batching and time-outs unless configured.
     */
    public static Properties producerSettings(Properties base, String clientId) {
        Properties properties = new Properties();
        properties.putAll(base);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.putIfAbsent(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return properties;
    }

    private final Producer<String, byte[]> producer;
    private final String source;
    private final int batchSize;
    private final Timings timings;

    public RelayBatch(Producer<String, byte[]> producer, String source, int batchSize, Timings timings) {
        this.producer = producer;
        this.source = source;
        this.batchSize = batchSize;
        this.timings = timings;
    }

    /** Relays up to one batch over {@code connection}; returns how many events left. */
    public int run(Connection connection) throws SQLException, InterruptedException, ExecutionException {
        connection.setAutoCommit(false);
        try {
            if (!leader(connection)) {
                connection.rollback();
                return 0;
            }
            long t0 = System.nanoTime();
            List<Long> ids = new ArrayList<>(batchSize);
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batchSize);
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setInt(1, batchSize);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        records.add(record(rows));
                    }
                }
            }
            if (ids.isEmpty()) {
                connection.rollback();
                return 0;
            }
            long t1 = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (var record : records) {
                Future<RecordMetadata> ack = producer.send(record);
                // Without the topic's metadata (broker away) send() waits max.block.ms and hands back a
                // failed future instead of throwing: stop at the first, or a batch of n rows blocks the
                // relay n × max.block.ms (CI saw 21 rows hold it 104 s) while nothing can be sent anyway.
                if (ack.isDone()) {
                    ack.get();
                }
                acks.add(ack);
            }
            producer.flush();
            long t2 = System.nanoTime();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            long t3 = System.nanoTime();
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
            long t4 = System.nanoTime();
            connection.commit();
            long t5 = System.nanoTime();
            if (timings != null) {
                timings.claim += t1 - t0;
                timings.send += t2 - t1;
                timings.acknowledge += t3 - t2;
                timings.mark += t4 - t3;
                timings.commit += t5 - t4;
                timings.events += ids.size();
                timings.batches++;
            }
            return ids.size();
        } catch (SQLException | RuntimeException | InterruptedException | ExecutionException e) {
            connection.rollback();
            throw e;
        }
    }

    private ProducerRecord<String, byte[]> record(ResultSet row) throws SQLException {
        String key = row.getString(4);
        var record = new ProducerRecord<>(row.getString(3), key, row.getString(6).getBytes(StandardCharsets.UTF_8));
        OffsetDateTime time = row.getObject(7, OffsetDateTime.class);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, row.getString(2));
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, row.getString(5));
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean leader(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LEADER_LOCK);
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }
}
