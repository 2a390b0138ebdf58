package io.suiji.bench.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.bench.OutboxCopy;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.draw.Commitment;
import io.suiji.draw.Draw;
import io.suiji.draw.DrawParameters;
import io.suiji.draw.DrawProof;
import io.suiji.draw.Hex;
import io.suiji.draw.Population;
import io.suiji.draw.PopulationSummary;
import io.suiji.draw.Sampler;
import io.suiji.draw.SamplingMode;
import io.suiji.draw.Selection;
import io.suiji.draw.StratumAllocation;
import io.suiji.draw.StratumPlan;
import io.suiji.platform.outbox.RelayBatch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.postgresql.PGConnection;

/**
 * Issue #5: N eligible targets in 12 strata at 5 %, time from the frozen population to persisted
 * selections, measured in one run beside
 * <ul>
 *   <li>the floor: {@code COPY bench_population TO STDOUT} — PostgreSQL handing out the same
 *       population rows (as the canonical population lines) to a client that discards them;</li>
 *   <li>the naive baseline: per stratum {@code ORDER BY random() LIMIT k_h} over the population
 *       loaded in a table, persisting the same selection rows and TargetSelected events in SQL.</li>
 * </ul>
 *
 * <p>"Ours" is sampling-service's execute step ({@code DrawService.execute}) minus HTTP, JPA and
 * the inspector groups: read the frozen population file from {@code draw_population}, run
 * {@link Draw#run} (the same call the service makes), insert the {@code draw_selection} rows with
 * {@code DrawStore.saveSelections}' statement and batching, update the {@code draw} row with the
 * proof, and write one TargetSelected plus one DrawCompleted event with the platform
 * {@code Outbox}'s INSERT, one statement per event as the service does — all in one transaction.
 * The tables are sampling-service's own: its Flyway migrations are read from
 * {@code sampling-service/src/main/resources/db/migration} and the platform's from the class path.
 *
 * <p>Two more measurements explain the gap: a what-if of "ours" with both writes done by COPY (not
 * the service's code), and the baseline's 12 SELECTs alone. Each size is run {@code bench.reps}
 * times (default 3; floor, ours, baseline, what-if, SELECTs in turn) and the median is reported.
 * Peak heap is watched during "ours" (GC notifications and a 1 ms sampler), and during a pass of
 * the library alone streaming the population file from disk. Inspector groups are left out.
 *
 * <pre>
 * bench/run draw [sizes…]      default 100000 1000000 3000000
 * </pre>
 */
public final class DrawBenchmark {

    private static final String[] REGIONS = {"410402", "410403", "410411"};
    private static final double[] REGION_SHARE = {0.5, 0.3, 0.2};
    private static final String[] CLASSES = {"A", "B", "C", "D"};
    private static final double[] CLASS_SHARE = {0.4, 0.3, 0.2, 0.1};
    private static final BigDecimal RATIO = new BigDecimal("0.05");
    private static final List<String> PLATFORM = List.of("db/platform/V0_1__outbox_and_inbox.sql");
    private static final String SELECTION_INSERT = """
            insert into draw_selection (draw_id, ordinal, entity_id, entity_region, stratum,
                inclusion_probability, control, inspector_ids) values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String OUTBOX_INSERT = """
            insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, occurred_at)
            values (?, ?, ?, ?, cast(? as json), ?)""";
    private static final String TASK = "T1";
    private static final String MATTER = "PDS-RS-001";
    private static final LocalDate BATCH_START = LocalDate.of(2020, 7, 1);
    private static final LocalDate BATCH_END = LocalDate.of(2020, 9, 30);

    private DrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Long.parseLong(arg.replace("_", "").replace(",", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000L, 1_000_000L, 3_000_000L);
        }
        String url = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/suiji_bench");
        String password = System.getProperty("bench.password", "suiji-local-only");
        Path migrations = Path.of(System.getProperty("bench.migrations", "sampling-service/src/main/resources/db/migration"));
        int reps = Integer.getInteger("bench.reps", 3);

        List<String> rows = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        for (long n : sizes) {
            try (Connection db = DriverManager.getConnection(url, "suiji", password)) {
                Result r = run(db, migrations, n, reps);
                rows.add(r.row());
                detail.add(r.detail());
                System.out.println(r.row());
            }
        }
        System.out.println();
        System.out.printf("Java %s, -Xmx%d MB, %d repetitions per size (median; all runs listed below)%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, reps);
        System.out.println("| targets | k | floor: COPY out s | ours s | ours ÷ floor | baseline s | baseline ÷ ours"
                + " | what-if: ours with COPY writes | peak heap growth, ours | library alone (file on disk) | load average |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("| targets | ours: where the time goes (median run), s | baseline: where the time goes, s"
                + " | what-if COPY writes: where the time goes, s | every run: floor / ours / baseline / what-if s |");
        System.out.println("|---:|---|---|---|---|");
        detail.forEach(System.out::println);
    }

    private record Result(String row, String detail) {
    }

    private static Result run(Connection db, Path migrations, long n, int reps) throws Exception {
        String loadBefore = load();
        Path file = Files.createTempFile("draw-bench-population", ".txt");
        try {
            long t = System.nanoTime();
            writePopulation(file, n);
            PopulationSummary summary;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                summary = Population.summarize(in);
            }
            List<StratumPlan> plans = StratumAllocation.allocate(summary.stratumSizes(), Map.of(), RATIO, 0);
            int k = plans.stream().mapToInt(StratumPlan::sample).sum();
            System.out.printf("%,d targets: population file %,d bytes, %d strata, k = %,d, written in %.1f s%n",
                    n, Files.size(file), plans.size(), k, seconds(t));

            resetSchema(db, migrations);
            UUID planId = UUID.randomUUID();
            UUID frozenDraw = setUp(db, file, planId, summary, plans);

            Library library = libraryAlone(file, summary, plans);
            List<Double> floor = new ArrayList<>();
            List<Ours> ours = new ArrayList<>();
            List<Baseline> baseline = new ArrayList<>();
            List<Ours> whatIf = new ArrayList<>();
            List<Double> selectOnly = new ArrayList<>();
            for (int rep = 0; rep < reps; rep++) {
                floor.add(floor(db, Files.size(file)));
                ours.add(ours(db, planId, frozenDraw, summary, plans, k, false));
                baseline.add(baseline(db, planId, summary, plans, k));
                whatIf.add(ours(db, planId, frozenDraw, summary, plans, k, true));
                selectOnly.add(baselineSelectOnly(db, plans, k));
                System.out.printf("  run %d: floor %.2f s, ours %.2f s (%s), baseline %.2f s (%s), what-if COPY writes %.2f s (%s)%n",
                        rep + 1, floor.get(rep), ours.get(rep).seconds, ours.get(rep).split, baseline.get(rep).seconds,
                        baseline.get(rep).split, whatIf.get(rep).seconds, whatIf.get(rep).split);
                System.out.printf("         baseline's 12 SELECTs alone (rows read by the client, nothing written) %.2f s%n",
                        selectOnly.get(rep));
            }
            double f = median(floor.stream().mapToDouble(d -> d).toArray());
            Ours o = ours.stream().sorted((a, b) -> Double.compare(a.seconds, b.seconds)).toList().get(reps / 2);
            double b = median(baseline.stream().mapToDouble(x -> x.seconds).toArray());
            Baseline bm = baseline.stream().sorted((x, y) -> Double.compare(x.seconds, y.seconds)).toList().get(reps / 2);
            Ours w = whatIf.stream().sorted((a, c) -> Double.compare(a.seconds, c.seconds)).toList().get(reps / 2);
            HeapWatch.Peak heap = ours.stream().map(x -> x.heap).reduce(HeapWatch.Peak::max).orElseThrow();
            String row = String.format("| %,d | %,d | %.2f | %.2f | %.1f× | %.2f | %.2f× | %.2f s: %.1f× floor, %.1f× faster than baseline | %s | %.2f s, %,d candidates held at most, %s | %s → %s |",
                    n, k, f, o.seconds, o.seconds / f, b, b / o.seconds, w.seconds, w.seconds / f, b / w.seconds, heap,
                    library.seconds, library.retained, library.heap, loadBefore, load());
            StringBuilder all = new StringBuilder();
            for (int rep = 0; rep < reps; rep++) {
                all.append(rep == 0 ? "" : "; ").append(String.format("%.2f / %.2f / %.2f / %.2f", floor.get(rep),
                        ours.get(rep).seconds, baseline.get(rep).seconds, whatIf.get(rep).seconds));
            }
            String detail = String.format("| %,d | %s | %s; its 12 SELECTs alone %.2f | %s | %s |", n, o.split, bm.split,
                    median(selectOnly.stream().mapToDouble(d -> d).toArray()), w.split, all);
            return new Result(row, detail);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---------------------------------------------------------------- population and schema

    /**
     * A canonical population file of n lines {@code id:1:region/class}: ids are generated in
     * increasing order (fixed width), so the file is sorted without holding it in memory; strata
     * are 3 regions × 4 risk classes with unequal shares, drawn from a fixed seed.
     */
    private static void writePopulation(Path file, long n) throws IOException {
        SplittableRandom random = new SplittableRandom(2020);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long i = 0; i < n; i++) {
                String stratum = REGIONS[pick(random.nextDouble(), REGION_SHARE)] + "/"
                        + CLASSES[pick(random.nextDouble(), CLASS_SHARE)];
                String digits = Long.toString(i);
                out.write(("91410400" + "000000000".substring(digits.length()) + digits + "X:1:" + stratum + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int pick(double u, double[] shares) {
        double sum = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            sum += shares[i];
            if (u < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /**
     * Drops whatever an earlier run created (tables and functions named in the migrations), then
     * applies the platform migration and every {@code V<n>__*.sql} of sampling-service in order.
     */
    private static void resetSchema(Connection db, Path migrations) throws SQLException, IOException {
        db.setAutoCommit(true);
        List<String> scripts = new ArrayList<>();
        for (String migration : PLATFORM) {
            try (InputStream in = RelayBatch.class.getClassLoader().getResourceAsStream(migration)) {
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException(migrations.toAbsolutePath() + " not found: run from the repository root"
                    + " (bench/run draw) or set -Dbench.migrations");
        }
        List<Path> files;
        try (var list = Files.list(migrations)) {
            files = list.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(
                            f.getFileName().toString().substring(1, f.getFileName().toString().indexOf("__")))))
                    .toList();
        }
        for (Path f : files) {
            scripts.add(Files.readString(f));
        }
        System.out.println("  schema: platform V0_1 + " + files.stream().map(f -> f.getFileName().toString()).toList());
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_population");
            for (String script : scripts) {
                var tables = java.util.regex.Pattern.compile("(?i)create table (\\w+)").matcher(script);
                while (tables.find()) {
                    s.execute("drop table if exists " + tables.group(1) + " cascade");
                }
                var functions = java.util.regex.Pattern.compile("(?i)create (?:or replace )?function (\\w+)").matcher(script);
                while (functions.find()) {
                    s.execute("drop function if exists " + functions.group(1) + " cascade");
                }
            }
            for (String script : scripts) {
                s.execute(script);
            }
            // The naive layout for the floor and the baseline: the frozen population as table rows.
            s.execute("create table bench_population (entity_id text primary key, weight text not null, stratum text not null)");
        }
    }

    /**
     * What the commit step leaves behind, untimed: a published plan, a committed draw with its
     * population file in {@code draw_population}, and the same rows in {@code bench_population}.
     */
    private static UUID setUp(Connection db, Path file, UUID planId, PopulationSummary summary,
                              List<StratumPlan> plans) throws Exception {
        long t = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement("""
                insert into plan (id, year, title, department, region, status, published_version, created_by,
                    created_at, updated_at) values (?, 2020, 'bench', 'RS', '4104', 'PUBLISHED', 1, 'bench', now(), now())""")) {
            ps.setObject(1, planId);
            ps.executeUpdate();
        }
        UUID drawId = newDraw(db, planId, summary, plans);
        try (PreparedStatement ps = db.prepareStatement("insert into draw_population (draw_id, content) values (?, ?)");
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ps.setObject(1, drawId);
            ps.setBinaryStream(2, in, Files.size(file));
            ps.executeUpdate();
        }
        // The frozen draw stays COMMITTED; the runs below are draws of their own that read its file.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_population from stdin (delimiter ':')", in);
        }
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze bench_population");
            s.execute("vacuum analyze draw_population");
        }
        System.out.printf("  set-up (plan, draw, population file and table): %.1f s%n", seconds(t));
        return drawId;
    }

    private static UUID newDraw(Connection db, UUID planId, PopulationSummary summary, List<StratumPlan> plans)
            throws SQLException {
        UUID id = UUID.randomUUID();
        byte[] secret = Commitment.newSecret();
        StringBuilder strata = new StringBuilder("[");
        for (StratumPlan p : plans) {
            strata.append(strata.length() > 1 ? "," : "").append(String.format(
                    "{\"name\":\"%s\",\"population\":%d,\"ratio\":\"%s\",\"sample\":%d}", p.name(), p.population(),
                    p.ratio().toPlainString(), p.sample()));
        }
        strata.append(']');
        try (PreparedStatement ps = db.prepareStatement("""
                insert into draw (id, plan_id, plan_version, plan_year, task_id, batch, matter_code, matter_version,
                    region, department, status, algorithm, specification, inspector_pool, exclusions, population_size,
                    population_digest, commitment, secret, committed_by, committed_at)
                values (?, ?, 1, 2020, ?, ?, ?, 1, '4104', 'RS', 'COMMITTED', 'SUIJI-SHA256-1',
                    cast(? as json), '[]', '{}', ?, ?, ?, ?, 'bench', now())""")) {
            ps.setObject(1, id);
            ps.setObject(2, planId);
            ps.setString(3, TASK);
            ps.setInt(4, batchNumber++);
            ps.setString(5, MATTER);
            ps.setString(6, "{\"mode\":\"uniform\",\"minimumCount\":0,\"strata\":" + strata + "}");
            ps.setLong(7, summary.size());
            ps.setString(8, summary.digest());
            ps.setString(9, Hex.of(Commitment.commit(secret)));
            ps.setString(10, Hex.of(secret));
            ps.executeUpdate();
        }
        return id;
    }

    private static int batchNumber = 1; // one live draw per (plan, task, batch): every run is its own batch

    /** Empties the tables the timed phases write, so that every phase starts alike. */
    private static void clearOutputs(Connection db) throws SQLException {
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("truncate draw_selection, outbox_event cascade");
        }
    }

    // ---------------------------------------------------------------- the three measurements

    /** The floor: the same population rows, as population lines, out of PostgreSQL and discarded. */
    private static double floor(Connection db, long fileSize) throws Exception {
        db.setAutoCommit(true);
        long[] bytes = {0};
        OutputStream nowhere = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long t = System.nanoTime();
        db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy bench_population to stdout (delimiter ':')", nowhere);
        double seconds = seconds(t);
        if (bytes[0] != fileSize) {
            throw new IllegalStateException("COPY out gave " + bytes[0] + " bytes, the population file has " + fileSize);
        }
        return seconds;
    }

    private record Ours(double seconds, String split, HeapWatch.Peak heap) {
    }

    /** sampling-service's execute step: population file → Draw.run → selections, proof, events, commit. */
    private static Ours ours(Connection db, UUID planId, UUID frozenDraw, PopulationSummary summary,
                             List<StratumPlan> plans, int k, boolean copyWrites) throws Exception {
        UUID drawId = newDraw(db, planId, summary, plans);
        byte[] secret;
        try (PreparedStatement ps = db.prepareStatement("select secret from draw where id = ?")) {
            ps.setObject(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                secret = Hex.parse(rs.getString(1));
            }
        }
        clearOutputs(db);
        String entropy = "2020-07-01 上证综指收盘 3025.98";
        HeapWatch watch = HeapWatch.start();
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        byte[] population;
        try (PreparedStatement ps = db.prepareStatement("select content from draw_population where draw_id = ?")) {
            ps.setObject(1, frozenDraw);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                population = rs.getBytes(1);
            }
        }
        long t1 = System.nanoTime();
        DrawProof proof = Draw.run(drawId.toString(), DrawParameters.uniform(), plans, secret, entropy,
                new ByteArrayInputStream(population), target -> List.of());
        population = null; // the service drops it here too (it is not referenced after Draw.run)
        long t2 = System.nanoTime();
        if (copyWrites) {
            copySelections(db, drawId, proof.selection());
        } else try (PreparedStatement ps = db.prepareStatement(SELECTION_INSERT)) {
            int i = 0;
            for (Selection s : proof.selection()) {
                ps.setObject(1, drawId);
                ps.setInt(2, s.ordinal());
                ps.setString(3, s.id());
                ps.setString(4, regionOf(s.stratum()));
                ps.setString(5, s.stratum());
                ps.setDouble(6, s.inclusionProbability());
                ps.setBoolean(7, s.control());
                ps.setArray(8, db.createArrayOf("text", new String[0]));
                ps.addBatch();
                if (++i % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        long t3 = System.nanoTime();
        OffsetDateTime completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = db.prepareStatement("""
                update draw set status = 'COMPLETED', witness_entropy = ?, witness = ?, selection_digest = ?,
                    selected_count = ?, batch_order = null, proof = ?, executed_by = ?, completed_at = ? where id = ?""")) {
            ps.setString(1, entropy);
            ps.setString(2, "bench witness");
            ps.setString(3, proof.selectionDigest());
            ps.setInt(4, proof.selection().size());
            ps.setString(5, proof.toJson());
            ps.setString(6, "bench");
            ps.setObject(7, completedAt);
            ps.setObject(8, drawId);
            ps.executeUpdate();
        }
        long t4 = System.nanoTime();
        List<SuijiEvent> events = new ArrayList<>(proof.selection().size() + 1);
        for (Selection s : proof.selection()) {
            events.add(new TargetSelected(drawId.toString(), TASK, 1, MATTER, 1, s.id(), regionOf(s.stratum()),
                    s.stratum(), s.inclusionProbability(), s.control(), List.of(), BATCH_START, BATCH_END, s.ordinal()));
        }
        events.add(new DrawCompleted(drawId.toString(), planId.toString(), TASK, 1, MATTER, proof.selection().size(), 0,
                proof.selectionDigest(), proof.secret(), proof.witnessEntropy(), "4104", "RS", completedAt.toInstant()));
        if (copyWrites) {
            OutboxCopy.copy(db, events); // what-if, not the platform's Outbox: one COPY instead of one INSERT each
        } else try (PreparedStatement ps = db.prepareStatement(OUTBOX_INSERT)) {
            for (SuijiEvent event : events) {
                publish(ps, event);
            }
        }
        long t5 = System.nanoTime();
        db.commit();
        long t6 = System.nanoTime();
        HeapWatch.Peak heap = watch.stop();
        db.setAutoCommit(true);
        check(db, drawId, k, k + 1);
        double total = (t6 - t0) / 1e9;
        String split = String.format("read file %.2f, Draw.run %.2f, %,d selection rows %.2f, proof + draw row %.2f,"
                        + " %,d outbox events %.2f, commit %.2f", (t1 - t0) / 1e9, (t2 - t1) / 1e9, k, (t3 - t2) / 1e9,
                (t4 - t3) / 1e9, k + 1, (t5 - t4) / 1e9, (t6 - t5) / 1e9);
        return new Ours(total, split, heap);
    }

    /** What-if, not the service's code: the selection rows in one COPY instead of batched INSERTs. */
    private static void copySelections(Connection db, UUID drawId, List<Selection> selection) throws Exception {
        StringBuilder rows = new StringBuilder(selection.size() * 96);
        for (Selection s : selection) {
            rows.append(drawId).append('\t').append(s.ordinal()).append('\t').append(OutboxCopy.text(s.id())).append('\t')
                    .append(OutboxCopy.text(regionOf(s.stratum()))).append('\t').append(OutboxCopy.text(s.stratum())).append('\t')
                    .append(s.inclusionProbability()).append('\t').append(s.control() ? 't' : 'f').append("\t{}\n");
        }
        db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy draw_selection (draw_id, ordinal, entity_id,"
                + " entity_region, stratum, inclusion_probability, control, inspector_ids) from stdin",
                new java.io.StringReader(rows.toString()));
    }

    private static void publish(PreparedStatement ps, SuijiEvent event) throws SQLException {
        var type = EventTypes.of(event.getClass());
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, type.topic());
        ps.setString(3, event.aggregateId());
        ps.setString(4, type.type());
        try {
            ps.setString(5, EventJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ps.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
        ps.executeUpdate();
    }

    private record Baseline(double seconds, String split) {
    }

    /**
     * The naive baseline: per stratum ORDER BY random() LIMIT k_h over the population table, the
     * winners inserted as draw_selection rows, then their TargetSelected events built in SQL — the
     * same rows as "ours", in one transaction.
     */
    private static Baseline baseline(Connection db, UUID planId, PopulationSummary summary, List<StratumPlan> plans,
                                     int k) throws Exception {
        UUID drawId = newDraw(db, planId, summary, plans);
        clearOutputs(db);
        var type = EventTypes.of(TargetSelected.class);
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("""
                insert into draw_selection (draw_id, ordinal, entity_id, entity_region, stratum, inclusion_probability,
                    control, inspector_ids)
                select ?, ? + row_number() over (), entity_id, split_part(stratum, '/', 1), stratum, ?, false, '{}'
                  from (select entity_id, stratum from bench_population where stratum = ? order by random() limit ?) s""")) {
            int ordinal = 0;
            for (StratumPlan p : plans) {
                ps.setObject(1, drawId);
                ps.setInt(2, ordinal);
                ps.setDouble(3, p.sample() == p.population() ? 1.0 : (double) p.sample() / p.population());
                ps.setString(4, p.name());
                ps.setInt(5, p.sample());
                ordinal += ps.executeUpdate();
            }
        }
        long t1 = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement("""
                insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, occurred_at)
                select gen_random_uuid(), ?, draw_id::text, ?, json_build_object('drawId', draw_id, 'taskId', ?,
                    'batch', 1, 'matterCode', ?, 'matterVersion', 1, 'entityId', entity_id, 'entityRegion', entity_region,
                    'stratum', stratum, 'inclusionProbability', inclusion_probability, 'control', control,
                    'inspectorIds', inspector_ids, 'batchStart', ?, 'batchEnd', ?, 'ordinal', ordinal), now()
                  from draw_selection where draw_id = ? order by ordinal""")) {
            ps.setString(1, type.topic());
            ps.setString(2, type.type());
            ps.setString(3, TASK);
            ps.setString(4, MATTER);
            ps.setString(5, BATCH_START.toString());
            ps.setString(6, BATCH_END.toString());
            ps.setObject(7, drawId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement(
                "update draw set status = 'COMPLETED', selected_count = ?, completed_at = now() where id = ?")) {
            ps.setInt(1, k);
            ps.setObject(2, drawId);
            ps.executeUpdate();
        }
        long t2 = System.nanoTime();
        db.commit();
        long t3 = System.nanoTime();
        db.setAutoCommit(true);
        check(db, drawId, k, k);
        return new Baseline((t3 - t0) / 1e9, String.format("12 × ORDER BY random() LIMIT k_h into draw_selection %.2f,"
                + " %,d events by json_build_object %.2f, commit %.2f", (t1 - t0) / 1e9, k, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
    }

    /** The baseline's selection step by itself: the 12 queries, rows read and dropped by the client. */
    private static double baselineSelectOnly(Connection db, List<StratumPlan> plans, int k) throws SQLException {
        db.setAutoCommit(true);
        long rows = 0;
        long t = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement(
                "select entity_id, stratum from bench_population where stratum = ? order by random() limit ?")) {
            for (StratumPlan p : plans) {
                ps.setString(1, p.name());
                ps.setInt(2, p.sample());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rows++;
                    }
                }
            }
        }
        double seconds = seconds(t);
        if (rows != k) {
            throw new IllegalStateException("the baseline's queries gave " + rows + " rows, expected " + k);
        }
        return seconds;
    }

    private static void check(Connection db, UUID drawId, long selections, long events) throws SQLException {
        long s = count(db, "select count(*) from draw_selection where draw_id = '" + drawId + "'");
        long e = count(db, "select count(*) from outbox_event where aggregate_id = '" + drawId + "'");
        if (s != selections || e != events) {
            throw new IllegalStateException("draw " + drawId + ": expected " + selections + " selections and " + events
                    + " events, found " + s + " and " + e);
        }
    }

    private record Library(double seconds, int retained, HeapWatch.Peak heap) {
    }

    /** The draw library by itself, streaming the population file from disk: its own memory bound. */
    private static Library libraryAlone(Path file, PopulationSummary summary, List<StratumPlan> plans) throws IOException {
        HeapWatch watch = HeapWatch.start();
        long t = System.nanoTime();
        Sampler sampler = new Sampler(Commitment.seed(Commitment.newSecret(), "library"), SamplingMode.UNIFORM, plans, null);
        PopulationSummary read;
        try (InputStream in = Files.newInputStream(file)) {
            read = sampler.offerFile(in);
        }
        List<Selection> selection = sampler.finish();
        double seconds = seconds(t);
        HeapWatch.Peak heap = watch.stop();
        if (!read.equals(summary) || selection.size() != plans.stream().mapToInt(StratumPlan::sample).sum()) {
            throw new IllegalStateException("the library's pass disagrees with the population summary");
        }
        return new Library(seconds, sampler.peakRetained(), heap);
    }

    // ---------------------------------------------------------------- heap

    /**
     * Heap growth over a phase, from a heap settled by System.gc() at the start: the most heap in
     * use (sampled every millisecond; includes garbage not yet collected) and the most still in
     * use right after a collection (live data, from GC notifications; "no GC" if none ran).
     */
    static final class HeapWatch {
        record Peak(long used, long afterGc, int collections) {
            Peak max(Peak o) {
                return new Peak(Math.max(used, o.used), Math.max(afterGc, o.afterGc), Math.max(collections, o.collections));
            }

            @Override
            public String toString() {
                return String.format("%.0f MB at most", Math.max(used, afterGc) / 1048576.0)
                        + (collections == 0 ? " (no GC ran)" : String.format(", %.0f MB live after GC", afterGc / 1048576.0));
            }
        }

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final long base;
        private volatile long maxUsed;
        private volatile long maxAfterGc;
        private volatile int collections;
        private volatile boolean running = true;
        private final Thread sampler;
        private final NotificationListener listener;

        private HeapWatch() {
            System.gc();
            System.gc();
            base = memory.getHeapMemoryUsage().getUsed();
            listener = (notification, handback) -> {
                if (!"com.sun.management.gc.notification".equals(notification.getType())) {
                    return;
                }
                CompositeData info = (CompositeData) notification.getUserData();
                CompositeData gcInfo = (CompositeData) info.get("gcInfo");
                @SuppressWarnings("unchecked")
                var after = (javax.management.openmbean.TabularData) gcInfo.get("memoryUsageAfterGc");
                long used = 0;
                for (Object row : after.values()) {
                    CompositeData value = (CompositeData) ((CompositeData) row).get("value");
                    used += MemoryUsage.from(value).getUsed();
                }
                synchronized (this) {
                    collections++;
                    maxAfterGc = Math.max(maxAfterGc, used);
                }
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
            }
            sampler = new Thread(() -> {
                while (running) {
                    maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        Peak stop() {
            maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // not registered
                }
            }
            // Notifications arrive on their own thread, shortly after the collection.
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                return new Peak(Math.max(0, maxUsed - base), Math.max(0, maxAfterGc - base), collections);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String regionOf(String stratum) {
        int slash = stratum.lastIndexOf('/');
        return slash < 0 ? stratum : stratum.substring(0, slash);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
