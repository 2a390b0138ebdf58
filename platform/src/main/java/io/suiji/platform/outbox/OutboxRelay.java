package io.suiji.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Runs {@link RelayBatch} on its own thread: moves committed outbox rows to Kafka with an idempotent
 * {@code acks=all} producer, woken by commits, backing off while the broker or database is away.
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
    private static final long COUNT_INTERVAL_MILLIS = 5_000;
    private static final String COUNT_PENDING = """
            select (select count(*) from outbox_event where published_at is null),
                   coalesce((select extract(epoch from now() - occurred_at)::bigint from outbox_event
                             where published_at is null order by id limit 1), 0)""";
    private static final String PRUNE = "delete from outbox_event where published_at < now() - ?::interval";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Config kafkaSettings;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private long lastCount;
    private volatile boolean running;
    private volatile long failingSince;
    private volatile String lastError;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private RelayBatch batch;

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, Config kafkaSettings, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaSettings = kafkaSettings;
        this.published = Counter.builder("suiji.outbox.published").description("Events relayed to Kafka").register(meters);
        meters.gauge("suiji.outbox.pending", pending);
        meters.gauge("suiji.outbox.oldest.pending.seconds", oldestPendingSeconds);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled (suiji.outbox.enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        batch = new RelayBatch(producer, config.source(), config.batchSize(), null);
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

    /** Since when every relay attempt has failed (epoch millis), or 0 while the relay works. */
    public long failingSince() {
        return failingSince;
    }

    public String lastError() {
        return lastError;
    }

    public boolean enabled() {
        return running;
    }

    /** Events still waiting for the broker, as last counted by the relay (at most ~5 s old). */
    public long pending() {
        return pending.get();
    }

    /** Age in seconds of the oldest event still waiting for the broker, 0 when none waits. */
    public long oldestPendingSeconds() {
        return oldestPendingSeconds.get();
    }

    private void loop() {
        long backoffMillis = 0;
        long lastPrune = 0;
        while (running) {
            try {
                int relayed = relayBatch();
                countPendingEvery(COUNT_INTERVAL_MILLIS);
                backoffMillis = 0;
                failingSince = 0;
                lastError = null;
                if (System.currentTimeMillis() - lastPrune > TimeUnit.HOURS.toMillis(1)) {
                    prune();
                    lastPrune = System.currentTimeMillis();
                }
                if (relayed < config.batchSize()) {
                    awaitWork(config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                backoffMillis = Math.min(Math.max(200, backoffMillis * 2), config.maxBackoff().toMillis());
                if (failingSince == 0) {
                    failingSince = System.currentTimeMillis();
                }
                lastError = rootMessage(e);
                // The backlog matters most while the broker is away: count it on failures too.
                countPendingEvery(COUNT_INTERVAL_MILLIS);
                LOG.warnf("outbox relay: batch failed (%s), retrying in %d ms", rootMessage(e), backoffMillis);
                awaitWork(backoffMillis);
            }
        }
    }

    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            int relayed = batch.run(connection);
            if (relayed > 0) {
                published.increment(relayed);
            }
            return relayed;
        }
    }

    /**
     * Counts the backlog at most once per interval, whether the last batch went through or not,
     * and whichever replica relays. While the database itself is away the last figures stay.
     */
    private void countPendingEvery(long intervalMillis) {
        if (System.currentTimeMillis() - lastCount < intervalMillis) {
            return;
        }
        lastCount = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT_PENDING);
                ResultSet result = statement.executeQuery()) {
            result.next();
            pending.set(result.getLong(1));
            oldestPendingSeconds.set(result.getLong(2));
        } catch (SQLException e) {
            LOG.debugf("outbox relay: cannot count pending events (%s)", rootMessage(e));
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
        Properties settings = new Properties();
        for (String name : kafkaSettings.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                kafkaSettings.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
            }
        }
        return RelayBatch.producerSettings(settings, "outbox-relay-" + config.source());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
