package io.suiji.bench.draw;

import static io.suiji.bench.ServiceClasses.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.suiji.platform.outbox.OutboxCopy;
import io.suiji.platform.outbox.RelayBatch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Method;
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
 * the inspector groups, calling the service's own classes on plain JDBC in one transaction: stream
 * the frozen population from its chunks ({@code PopulationChunks.open}) into {@link Draw#run} (the
 * same call the service makes), write the {@code draw_selection} rows ({@code SelectionRows.copy}),
 * update the {@code draw} row with the proof, write the TargetSelected events with the platform's
 * {@link OutboxCopy} and DrawCompleted with the platform {@code Outbox}'s INSERT. The tables are
 * sampling-service's own: its Flyway migrations are read from
 * {@code sampling-service/src/main/resources/db/migration} and the platform's from the class path.
 * The service's classes are reached by name (reflection), so that this module compiles without
 * depending on sampling-service; {@code bench/run draw} puts them on the class path.
 *
 * <p>The baseline's 12 SELECTs alone are timed too, to compare selection with selection. Each
 * size is run {@code bench.reps} times (default 3; floor, ours, baseline, SELECTs in turn) and the
 * median is reported. Peak heap is watched during "ours" (GC notifications and a 1 ms sampler), and
 * during a pass of the library alone streaming the population file from disk. Inspector groups are
 * left out. Once per size the commit's freezing step runs too, on the service's candidates query
 * ({@code DrawStore.candidates}) over N entities in the read model: not part of the goals,
 * but what a planner waits for before the draw, and where a large population used to exhaust the heap.
 *
 * <pre>
 * bench/run draw [sizes…]      default 100000 1000000 3000000; BENCH_JAVA_OPTS="-Dbench.ratio=0.005 -Dbench.reps=1"
 * </pre>
 */
public final class DrawBenchmark {

    private static final String[] REGIONS = {"410402", "410403", "410411"};
    private static final double[] REGION_SHARE = {0.5, 0.3, 0.2};
    private static final String[] CLASSES = {"A", "B", "C", "D"};
    private static final double[] CLASS_SHARE = {0.4, 0.3, 0.2, 0.1};
    // Issue #5 asks for 5 %; another ratio (-Dbench.ratio=0.005) at the same N shows what the heap follows, k or N.
    private static final BigDecimal RATIO = new BigDecimal(System.getProperty("bench.ratio", "0.05"));
    private static final List<String> PLATFORM = List.of("db/platform/V0_1__outbox_and_inbox.sql");
    private static final String CHUNKS = "io.suiji.sampling.draw.PopulationChunks";
    private static final String SELECTION_ROWS = "io.suiji.sampling.draw.SelectionRows";
    private static final String DRAW_STORE = "io.suiji.sampling.draw.DrawStore";
    private static final String RULES = "io.suiji.sampling.draw.PopulationRules$Rules";
    private static final String FREEZER = "io.suiji.sampling.draw.PopulationRules$Freezer";
    private static final String ENTITY_FACTS = "io.suiji.sampling.draw.EntityFacts";
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
        List<String> commits = new ArrayList<>();
        for (long n : sizes) {
            try (Connection db = DriverManager.getConnection(url, "suiji", password)) {
                Result r = run(db, migrations, n, reps);
                rows.add(r.row());
                detail.add(r.detail());
                commits.add(r.commit());
                System.out.println(r.row());
            }
        }
        System.out.println();
        System.out.printf("Java %s, -Xmx%d MB, ratio %s, %d repetitions per size (median; all runs listed below)%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, RATIO.toPlainString(), reps);
        System.out.println("| targets | k | floor: COPY out s | ours s | ours ÷ floor | baseline s | baseline ÷ ours"
                + " | peak heap growth, ours | library alone (file on disk) | load average |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("| targets | ours: where the time goes (median run), s | baseline: where the time goes, s"
                + " | every run: floor / ours / baseline s |");
        System.out.println("|---:|---|---|---|");
        detail.forEach(System.out::println);
        System.out.println();
        System.out.println("| targets | commit: candidates → frozen population in its chunks, s | where the time goes, s"
                + " | peak heap growth |");
        System.out.println("|---:|---:|---|---|");
        commits.forEach(System.out::println);
    }

    private record Result(String row, String detail, String commit) {
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
            List<Double> selectOnly = new ArrayList<>();
            for (int rep = 0; rep < reps; rep++) {
                floor.add(floor(db, Files.size(file)));
                ours.add(ours(db, planId, frozenDraw, summary, plans, k));
                baseline.add(baseline(db, planId, summary, plans, k));
                selectOnly.add(baselineSelectOnly(db, plans, k));
                System.out.printf("  run %d: floor %.2f s, ours %.2f s (%s), baseline %.2f s (%s)%n",
                        rep + 1, floor.get(rep), ours.get(rep).seconds, ours.get(rep).split, baseline.get(rep).seconds,
                        baseline.get(rep).split);
                System.out.printf("         baseline's 12 SELECTs alone (rows read by the client, nothing written) %.2f s%n",
                        selectOnly.get(rep));
            }
            double f = median(floor.stream().mapToDouble(d -> d).toArray());
            Ours o = ours.stream().sorted((a, b) -> Double.compare(a.seconds, b.seconds)).toList().get(reps / 2);
            double b = median(baseline.stream().mapToDouble(x -> x.seconds).toArray());
            Baseline bm = baseline.stream().sorted((x, y) -> Double.compare(x.seconds, y.seconds)).toList().get(reps / 2);
            HeapWatch.Peak heap = ours.stream().map(x -> x.heap).reduce(HeapWatch.Peak::max).orElseThrow();
            String row = String.format("| %,d | %,d | %.2f | %.2f | %.1f× | %.2f | %.2f× | %s | %.2f s, %,d candidates held at most, %s | %s → %s |",
                    n, k, f, o.seconds, o.seconds / f, b, b / o.seconds, heap,
                    library.seconds, library.retained, library.heap, loadBefore, load());
            StringBuilder all = new StringBuilder();
            for (int rep = 0; rep < reps; rep++) {
                all.append(rep == 0 ? "" : "; ").append(String.format("%.2f / %.2f / %.2f", floor.get(rep),
                        ours.get(rep).seconds, baseline.get(rep).seconds));
            }
            String detail = String.format("| %,d | %s | %s; its 12 SELECTs alone %.2f | %s |", n, o.split, bm.split,
                    median(selectOnly.stream().mapToDouble(d -> d).toArray()), all);
            Freeze freeze = freeze(db, planId, summary, plans);
            System.out.printf("  commit: %.2f s (%s), %s%n", freeze.seconds, freeze.split, freeze.heap);
            String commit = String.format("| %,d | %.2f | %s | %s |", n, freeze.seconds, freeze.split, freeze.heap);
            return new Result(row, detail, commit);
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
     * population file in its chunks (stored by the service's {@code PopulationChunks.write}), and the same
     * rows in {@code bench_population}.
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
        invoke(CHUNKS, "write", new Class<?>[] {Connection.class, UUID.class, byte[].class}, db, drawId,
                Files.readAllBytes(file));
        // The frozen draw stays COMMITTED; the runs below are draws of their own that read its file.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_population from stdin (delimiter ':')", in);
        }
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze bench_population");
            s.execute("vacuum analyze draw_population_chunk");
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

    /**
     * sampling-service's execute step: population chunks → Draw.run → selection rows, proof, events,
     * commit — with the service's own classes for the population, the rows and the events.
     */
    private static Ours ours(Connection db, UUID planId, UUID frozenDraw, PopulationSummary summary,
                             List<StratumPlan> plans, int k) throws Exception {
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
        DrawProof proof;
        long[] reading = {0};
        try (InputStream chunks = (InputStream) invoke(CHUNKS, "open", new Class<?>[] {Connection.class, UUID.class},
                db, frozenDraw); InputStream population = timed(chunks, reading)) {
            proof = Draw.run(drawId.toString(), DrawParameters.uniform(), plans, secret, entropy, population,
                    target -> List.of());
        }
        long t2 = System.nanoTime();
        invoke(SELECTION_ROWS, "copy", new Class<?>[] {Connection.class, UUID.class, List.class, List.class}, db, drawId,
                proof.selection(), proof.inspectorGroups());
        long t3 = System.nanoTime();
        OffsetDateTime completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        String proofJson = proof.toJson();
        long tJson = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement("""
                update draw set status = 'COMPLETED', witness_entropy = ?, witness = ?, selection_digest = ?,
                    selected_count = ?, batch_order = null, proof = ?, executed_by = ?, completed_at = ? where id = ?""")) {
            ps.setString(1, entropy);
            ps.setString(2, "bench witness");
            ps.setString(3, proof.selectionDigest());
            ps.setInt(4, proof.selection().size());
            ps.setString(5, proofJson);
            ps.setString(6, "bench");
            ps.setObject(7, completedAt);
            ps.setObject(8, drawId);
            ps.executeUpdate();
        }
        long t4 = System.nanoTime();
        String id = drawId.toString();
        Iterable<TargetSelected> selected = () -> proof.selection().stream().map(s -> new TargetSelected(id, TASK, 1,
                MATTER, 1, s.id(), regionOf(s.stratum()), s.stratum(), s.inclusionProbability(), s.control(), List.of(),
                BATCH_START, BATCH_END, s.ordinal())).iterator();
        OutboxCopy.write(db, selected);
        try (PreparedStatement ps = db.prepareStatement(OUTBOX_INSERT)) {
            publish(ps, new DrawCompleted(drawId.toString(), planId.toString(), TASK, 1, MATTER,
                    proof.selection().size(), 0, proof.selectionDigest(), proof.secret(), proof.witnessEntropy(), "4104",
                    "RS", completedAt.toInstant()));
        }
        long t5 = System.nanoTime();
        db.commit();
        long t6 = System.nanoTime();
        HeapWatch.Peak heap = watch.stop();
        db.setAutoCommit(true);
        check(db, drawId, k, k + 1);
        double total = (t6 - t0) / 1e9;
        String split = String.format("population chunks read %.2f + Draw.run %.2f (streamed together), %,d selection"
                        + " rows %.2f, proof JSON %.2f + draw row %.2f, %,d outbox events %.2f, commit %.2f",
                reading[0] / 1e9, (t2 - t0 - reading[0]) / 1e9, k, (t3 - t2) / 1e9, (tJson - t3) / 1e9,
                (t4 - tJson) / 1e9, k + 1, (t5 - t4) / 1e9, (t6 - t5) / 1e9);
        return new Ours(total, split, heap);
    }

    private record Freeze(double seconds, String split, HeapWatch.Peak heap) {
    }

    /**
     * sampling-service's commit step on its real candidates query: the read model is given the N
     * entities of the population file (untimed), then the candidates are streamed through the
     * population rules into the canonical file, cut into chunks and stored with a new draw row. The
     * frozen file must be the benchmark's file byte for byte (same digest), or the run fails.
     */
    private static Freeze freeze(Connection db, UUID planId, PopulationSummary expected, List<StratumPlan> plans)
            throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    insert into entity_view (id, code, name, region, target_types, credit_class,
                        complaints_last_12_months, serious_violation, last_inspected_by_matter, inspections_this_year,
                        inspections_year, state)
                    select entity_id, entity_id, '单位', split_part(stratum, '/', 1), '{用人单位}',
                           split_part(stratum, '/', 2), 0, false, '{}', 0, 2020, '{}'
                      from bench_population""");
            s.execute("vacuum analyze entity_view");
        }
        Class<?> rulesType = Class.forName(RULES);
        Object rules = rulesType.getConstructors()[0].newInstance(java.util.Set.of(),
                List.of(new io.suiji.platform.security.RegionScope("410400")), java.util.Set.of(),
                LocalDate.of(2020, 6, 1), 180, 99, 99, false);
        Population.Builder population = new Population.Builder();
        java.util.function.Consumer<io.suiji.draw.PopulationEntry> eligible = population::add;
        Object freezer = Class.forName(FREEZER).getConstructor(rulesType, java.util.function.Consumer.class)
                .newInstance(rules, eligible);
        Method accept = freezer.getClass().getMethod("accept", Class.forName(ENTITY_FACTS));
        java.util.function.Consumer<Object> each = facts -> {
            try {
                accept.invoke(freezer, facts);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        OutputStream file = (OutputStream) Class.forName(CHUNKS + "$Buffer").getConstructor().newInstance();

        HeapWatch watch = HeapWatch.start();
        long t0 = System.nanoTime();
        db.setAutoCommit(false); // the candidates cursor fetches 10,000 rows at a time only inside a transaction
        invoke(DRAW_STORE, "candidates", new Class<?>[] {Connection.class, String.class, List.class, int.class,
                String.class, UUID.class, String.class, java.util.function.Consumer.class},
                db, "4104", List.of(MATTER), 2020, "RS", planId, "T-commit", each);
        long t1 = System.nanoTime();
        PopulationSummary summary = population.write(file);
        long t2 = System.nanoTime();
        UUID drawId = newDraw(db, planId, summary, plans);
        invoke(CHUNKS, "write", new Class<?>[] {Connection.class, UUID.class, List.class}, db, drawId,
                file.getClass().getMethod("chunks").invoke(file));
        long t3 = System.nanoTime();
        db.commit();
        long t4 = System.nanoTime();
        HeapWatch.Peak heap = watch.stop();
        db.setAutoCommit(true);
        if (!summary.equals(expected)) {
            throw new IllegalStateException("the frozen population is not the benchmark's file: " + summary
                    + " instead of " + expected);
        }
        return new Freeze((t4 - t0) / 1e9, String.format("candidates read and frozen %.2f (query and rules,"
                        + " streamed), file sorted and cut into chunks %.2f, draw row and chunks stored %.2f, commit %.2f",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9), heap);
    }

    /** {@code in}, adding the time spent waiting for it to {@code nanos[0]}. */
    private static InputStream timed(InputStream in, long[] nanos) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                long t = System.nanoTime();
                try {
                    return super.read();
                } finally {
                    nanos[0] += System.nanoTime() - t;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                long t = System.nanoTime();
                try {
                    return super.read(b, off, len);
                } finally {
                    nanos[0] += System.nanoTime() - t;
                }
            }
        };
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
