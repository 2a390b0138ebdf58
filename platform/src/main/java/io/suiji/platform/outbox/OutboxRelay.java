package io.suiji.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.suiji.contracts.CloudEventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka: claim a batch, send it with an idempotent
 * {@code acks=all} producer, wait for every acknowledgement, mark the rows, commit.
 *
 * <p>At least once: a crash between the broker's acknowledgement and the commit re-sends the
 * batch, which the consumers' inbox absorbs. Each batch runs under a transaction-scoped advisory
 * lock, so with several replicas one relays at a time and events leave in commit order; rows are
 * also claimed {@code FOR UPDATE SKIP LOCKED} so that a replica never waits on another's rows.
 * Plain JDBC on its own thread: no JTA transaction is ever open while we talk to the broker on
 * behalf of a request.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LEADER_LOCK = "select pg_try_advisory_xact_lock(hashtext('suiji.outbox.relay'))";
    private static final String CLAIM = """
            select id, event_id, topic, aggregate_id, event_type, payload::text, occurred_at
            from outbox_event where published_at is null order by id limit ? for update skip locked""";
    private static final String MARK = "update outbox_event set published_at = now() where id = any(?)";
    private static final String PRUNE = "delete from outbox_event where published_at < now() - ?::interval";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Config kafkaSettings;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private long lastCount;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, Config kafkaSettings, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaSettings = kafkaSettings;
        this.published = Counter.builder("suiji.outbox.published").description("Events relayed to Kafka").register(meters);
        meters.gauge("suiji.outbox.pending", pending);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled (suiji.outbox.enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction that wrote outbox rows commits. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Events still waiting for the broker, as last counted by the relay. */
    public long pending() {
        return pending.get();
    }

    private void loop() {
        long backoffMillis = 0;
        long lastPrune = 0;
        while (running) {
            try {
                int relayed = relayBatch();
                backoffMillis = 0;
                if (System.currentTimeMillis() - lastPrune > TimeUnit.HOURS.toMillis(1)) {
                    prune();
                    lastPrune = System.currentTimeMillis();
                }
                if (relayed < config.batchSize()) {
                    awaitWork(config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                backoffMillis = Math.min(Math.max(200, backoffMillis * 2), config.maxBackoff().toMillis());
                LOG.warnf("outbox relay: batch failed (%s), retrying in %d ms", rootMessage(e), backoffMillis);
                awaitWork(backoffMillis);
            }
        }
    }

    int relayBatch() throws SQLException, InterruptedException, java.util.concurrent.ExecutionException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!leader(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    claim.setInt(1, config.batchSize());
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                            acks.add(producer.send(record(rows)));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    pending.set(0);
                    connection.rollback();
                    return 0;
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                    Array array = connection.createArrayOf("bigint", ids.toArray());
                    mark.setArray(1, array);
                    mark.executeUpdate();
                }
                connection.commit();
                published.increment(ids.size());
                if (ids.size() < config.batchSize()) {
                    pending.set(0);
                } else if (System.currentTimeMillis() - lastCount > 5_000) {
                    pending.set(countPending(connection));
                    lastCount = System.currentTimeMillis();
                }
                return ids.size();
            } catch (SQLException | RuntimeException | InterruptedException | java.util.concurrent.ExecutionException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private ProducerRecord<String, byte[]> record(ResultSet row) throws SQLException {
        String eventId = row.getString(2);
        String topic = row.getString(3);
        String key = row.getString(4);
        var record = new ProducerRecord<>(topic, key, row.getString(6).getBytes(StandardCharsets.UTF_8));
        OffsetDateTime time = row.getObject(7, OffsetDateTime.class);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TYPE, row.getString(5));
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static long countPending(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from outbox_event where published_at is null");
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private static boolean leader(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LEADER_LOCK);
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private void prune() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(PRUNE)) {
            statement.setString(1, config.retention().toSeconds() + " seconds");
            int removed = statement.executeUpdate();
            if (removed > 0) {
                LOG.infof("outbox relay: pruned %d events published more than %s ago", removed, config.retention());
            }
        }
    }

    private void awaitWork(long millis) {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(millis, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    // Every kafka.* setting of the service (bootstrap servers, SASL in production) applies here too.
    private Properties producerProperties() {
        Properties properties = new Properties();
        for (String name : kafkaSettings.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                kafkaSettings.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring("kafka.".length()), value));
            }
        }
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source());
        return properties;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
