package io.suiji.bench.assignments;

import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import io.suiji.platform.outbox.OutboxCopy;
import io.suiji.platform.outbox.RelayBatch;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Issue #6: N {@code TargetSelected} events (one draw) on the real broker → N assignments in a
 * real enforcement-service process, timed from the first event produced to the N-th assignment
 * committed, then checked for lost and duplicated assignments; once undisturbed, and once with the
 * service killed ({@code kill -9}) about half-way and started again.
 *
 * <p>The events leave as sampling's do: written to a platform outbox (schema
 * {@code bench_assignments} of {@code suiji_bench}) and sent by the platform's own {@link RelayBatch}
 * (CloudEvents headers, key = draw id, idempotent producer) with the source
 * {@code urn:suiji:sampling-service-bench}, on {@code bench.} copies of the topics that the started
 * service reads ({@link EnforcementProcess}). The draw's matter is published first (untimed), so
 * that assignments carry its check items as in production.
 *
 * <pre>
 * bench/run assignments [events] [steady|kill|both]     default 50000 both
 * </pre>
 */
public final class AssignmentBenchmark {

    private static final String SELECTIONS = "sampling.selections";
    private static final String GROUP = "enforcement-service" + EnforcementProcess.ENVIRONMENT_SUFFIX;
    private static final Duration STALL = Duration.ofMinutes(3);

    private final Settings settings;

    private AssignmentBenchmark(Settings settings) {
        this.settings = settings;
    }

    record Settings(String benchJdbc, String enforcementJdbc, String password, String bootstrap, Path jar, Path workDir,
            int port) {

        Connection bench() throws SQLException {
            return DriverManager.getConnection(benchJdbc + "?currentSchema=bench_assignments", "suiji", password);
        }

        Connection enforcement() throws SQLException {
            return DriverManager.getConnection(enforcementJdbc, "suiji", password);
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 50_000;
        String which = args.length > 1 ? args[1] : "both";
        Settings settings = new Settings(
                System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/suiji_bench"),
                System.getProperty("bench.enforcement-jdbc", "jdbc:postgresql://127.0.0.1:5432/suiji_enforcement_bench"),
                System.getProperty("bench.password", "suiji-local-only"),
                System.getProperty("bench.kafka", "127.0.0.1:9092"),
                Path.of(System.getProperty("bench.jar", "enforcement-service/target/quarkus-app/quarkus-run.jar")).toAbsolutePath(),
                Path.of(System.getProperty("bench.work", "bench/target/assignments")).toAbsolutePath(),
                Integer.getInteger("bench.port", 28084));
        var benchmark = new AssignmentBenchmark(settings);
        List<String> rows = new ArrayList<>();
        if (!which.equals("kill")) {
            rows.add(benchmark.run(events, false).row());
        }
        if (!which.equals("steady")) {
            rows.add(benchmark.run(events, true).row());
        }
        System.out.println();
        System.out.println(Result.HEADER);
        rows.forEach(System.out::println);
    }

    private Result run(int n, boolean kill) throws Exception {
        SelectionEvents draw = SelectionEvents.newDraw(n);
        Load load = new Load();
        var service = new EnforcementProcess(settings.jar(), settings.workDir(), settings.port());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrap()));
                Connection outbox = settings.bench()) {
            resetTopics(admin);
            resetOutbox(outbox);
            service.start(true);
            double ready = service.awaitReady(Duration.ofMinutes(5));
            log("%s: enforcement-service (pid %d) ready in %.1f s", kill ? "kill -9 run" : "steady run", service.pid(), ready);
            try (Connection db = settings.enforcement()) {
                publishMatter(outbox, draw, db);
                copyToBenchTopics(outbox, draw.draw());
                try (Statement s = outbox.createStatement()) {
                    s.execute("analyze outbox_event");
                }
                load.sample();

                long t0 = System.nanoTime();
                CompletableFuture<Double> relayed = CompletableFuture.supplyAsync(() -> relayAll(draw));
                Kill killed = awaitAssignments(service, admin, db, draw, kill, t0, load);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double relaySeconds = relayed.get();
                load.sample();
                AssignmentCheck check = awaitDrawCompleted(db, draw);
                OptionalLong skipped = service.duplicatesSkipped("enforcement.selections");
                long deadLetters = deadLetters(admin);
                Result result = new Result(n, kill, ready, relaySeconds, seconds, killed, skipped, deadLetters, check, load);
                log("%s", check);
                if (!check.passed(n) || deadLetters > 0) {
                    throw new IllegalStateException("check failed: " + check + ", " + deadLetters + " dead letters");
                }
                return result;
            }
        } finally {
            service.stop();
        }
    }

    /**
     * Polls the assignment count until all {@code draw.n()} are in, logging progress every 10 s; with
     * {@code kill}, kills and restarts the service once half are in. Fails when nothing moves for {@link #STALL}.
     */
    private Kill awaitAssignments(EnforcementProcess service, Admin admin, Connection db, SelectionEvents draw, boolean kill,
            long t0, Load load) throws Exception {
        int n = draw.n();
        Kill killed = null;
        long count = 0;
        long lastProgress = System.nanoTime();
        long lastReport = t0;
        while (count < n) {
            Thread.sleep(250);
            long now = AssignmentCheck.count(db, draw.drawId());
            long at = System.nanoTime();
            if (now > count) {
                lastProgress = at;
            } else if (at - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("no new assignment for " + STALL + " at " + count + " of " + n
                        + "; see " + service.log());
            }
            count = now;
            load.sample();
            if (at - lastReport > 10_000_000_000L) {
                log("%6.1f s: %,d assignments", (at - t0) / 1e9, count);
                lastReport = at;
            }
            if (kill && killed == null && count >= n / 2) {
                killed = killAndRestart(service, admin, db, draw, t0);
                count = AssignmentCheck.count(db, draw.drawId());
                lastProgress = System.nanoTime();
            }
        }
        return killed;
    }

    /** Kills the service, notes what it had applied and what its group had committed, starts it again. */
    private Kill killAndRestart(EnforcementProcess service, Admin admin, Connection db, SelectionEvents draw, long t0)
            throws Exception {
        service.kill9();
        double at = (System.nanoTime() - t0) / 1e9;
        long applied = AssignmentCheck.count(db, draw.drawId());
        long committed = committedOffset(admin);
        log("%6.1f s: kill -9 with %,d assignments committed, consumer offset %,d", at, applied, committed);
        service.start(false);
        double restart = service.awaitReady(Duration.ofMinutes(5));
        log("%6.1f s: restarted, ready in %.1f s", (System.nanoTime() - t0) / 1e9, restart);
        return new Kill(at, applied, committed, restart);
    }

    private double relayAll(SelectionEvents draw) {
        try {
            return relay(EventTypes.SAMPLING);
        } catch (Exception e) {
            throw new IllegalStateException("relaying draw " + draw.drawId() + " failed", e);
        }
    }

    /**
     * Drains the outbox to the broker as the named service's relay would, on a connection of its own
     * (the relay leaves autocommit off); returns the seconds it took.
     */
    private double relay(String service) throws Exception {
        Properties base = new Properties();
        base.put("bootstrap.servers", settings.bootstrap());
        long start = System.nanoTime();
        try (Connection outbox = settings.bench();
                var producer = new KafkaProducer<>(RelayBatch.producerSettings(base, "bench-" + service),
                new StringSerializer(), new ByteArraySerializer())) {
            var relay = new RelayBatch(producer, CloudEventHeaders.source(service) + EnforcementProcess.ENVIRONMENT_SUFFIX,
                    1000, null);
            while (relay.run(outbox) > 0) {
                // drain
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The events into the outbox in one COPY, each on the bench copy of its contract topic. */
    private static void copyToBenchTopics(Connection outbox, List<? extends SuijiEvent> events) throws SQLException {
        OutboxCopy copy = new OutboxCopy();
        for (SuijiEvent event : events) {
            copy.addLine(OutboxCopy.line(UUID.randomUUID(),
                    EnforcementProcess.TOPIC_PREFIX + EventTypes.of(event.getClass()).topic(), event));
        }
        copy.flush(outbox);
    }

    private void publishMatter(Connection outbox, SelectionEvents draw, Connection db) throws Exception {
        copyToBenchTopics(outbox, List.of(draw.matter()));
        relay(EventTypes.CATALOG);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement();
                    var rows = s.executeQuery("select count(*) from matter_check_items where code = '" + SelectionEvents.MATTER + "'")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("enforcement-service did not take the matter's check items within 2 minutes");
    }

    /** DrawCompleted travels on another topic and channel: it may land after the last selection. */
    private static AssignmentCheck awaitDrawCompleted(Connection db, SelectionEvents draw) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        AssignmentCheck check = AssignmentCheck.of(db, draw);
        while (check.expectedCount() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            check = AssignmentCheck.of(db, draw);
        }
        return check;
    }

    private void resetOutbox(Connection outbox) throws Exception {
        outbox.setAutoCommit(true);
        try (Statement s = outbox.createStatement();
                InputStream in = RelayBatch.class.getClassLoader().getResourceAsStream("db/platform/V0_1__outbox_and_inbox.sql")) {
            s.execute("drop schema if exists bench_assignments cascade");
            s.execute("create schema bench_assignments");
            s.execute("set search_path to bench_assignments");
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Fresh copies of the service's topics and their dead-letter topics, and no offsets of the group left. */
    private static void resetTopics(Admin admin) throws Exception {
        try {
            admin.deleteConsumerGroups(List.of(GROUP)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        List<String> topics = new ArrayList<>();
        for (String channel : EnforcementProcess.CHANNELS) {
            topics.add(EnforcementProcess.TOPIC_PREFIX + channel);
            topics.add(EnforcementProcess.TOPIC_PREFIX + channel + ".dlq");
        }
        var existing = admin.listTopics().names().get();
        List<String> old = topics.stream().filter(existing::contains).toList();
        if (!old.isEmpty()) {
            admin.deleteTopics(old).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(old::contains)) {
                Thread.sleep(200);
            }
        }
        // Three partitions, as the suite's topics (io.suiji.contracts.Topics).
        admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
        Thread.sleep(500);
    }

    /** What the service's group has committed on the selections topic (all of a draw is on one partition). */
    private static long committedOffset(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(EnforcementProcess.TOPIC_PREFIX + SELECTIONS) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static long deadLetters(Admin admin) throws Exception {
        List<String> dlqs = EnforcementProcess.CHANNELS.stream().map(c -> EnforcementProcess.TOPIC_PREFIX + c + ".dlq").toList();
        var partitions = admin.describeTopics(dlqs).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }

    static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }

    /** The kill: when (s after the first event), what was applied and committed then, and the restart's time to ready. */
    record Kill(double at, long applied, long committedOffset, double restartSeconds) {
    }

    /** The 1-minute load average, lowest and highest seen during a run. */
    static final class Load {
        private double min = Double.MAX_VALUE;
        private double max;

        void sample() {
            try {
                double now = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                min = Math.min(min, now);
                max = Math.max(max, now);
            } catch (Exception unavailable) {
                // not Linux: no load figures
            }
        }

        @Override
        public String toString() {
            return max == 0 ? "n/a" : String.format("%.1f–%.1f", min, max);
        }
    }

    record Result(int n, boolean kill, double ready, double relaySeconds, double seconds, Kill killed,
            OptionalLong duplicatesSkipped, long deadLetters, AssignmentCheck check, Load load) {

        static final String HEADER = """
                | run | events | service ready s | relay: all events on the broker s | first event → last assignment s | events/s | kill -9 | lost | duplicated | redelivered, skipped by the inbox | load average |
                |---|---:|---:|---:|---:|---:|---|---:|---:|---|---|""";

        String row() {
            String killText = killed == null ? "–" : String.format(
                    "at %.1f s with %,d assignments (%.0f %%); restarted, ready in %.1f s", killed.at(), killed.applied(),
                    100.0 * killed.applied() / n, killed.restartSeconds());
            String redelivered = killed == null
                    ? String.format("%,d", duplicatesSkipped.orElse(0))
                    : String.format("%,d applied but not committed at the kill; the inbox skipped %,d after the restart",
                            killed.applied() - killed.committedOffset(), duplicatesSkipped.orElse(0));
            return String.format("| %s | %,d | %.1f | %.1f | %.1f | %,.0f | %s | %,d | %,d | %s | %s |",
                    kill ? "kill -9 midway" : "undisturbed", n, ready, relaySeconds, seconds, n / seconds, killText,
                    check.lost(), check.duplicated(), redelivered, load);
        }
    }
}
