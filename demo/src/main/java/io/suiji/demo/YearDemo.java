package io.suiji.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.suiji.registry.synthetic.SyntheticRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The bureau's year on the running suite, through the services' public APIs with real tokens of
 * the right roles (no database access): catalogue → registry → plan → draws (verified) →
 * inspections → publication and sanctions → dashboard. Seven steps, each printing progress.
 */
public final class YearDemo {

    /** Seed matters of the 2020 catalogue (PDS-2020-01 … 09), as catalog-service loads them. */
    static final String SEED_PREFIX = "PDS-2020-";
    static final String CITY = "410400";
    /** 养老保险稽核: its targets are persons, never fined or listed. */
    static final String PERSON_MATTER = "PDS-2020-08";
    static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
    private static final String EXEMPTION_GROUND =
            "《中华人民共和国政府信息公开条例》第十四条：已移送公安机关，公开可能妨碍案件查处（演示）";

    private final Settings s;
    private final Http http = new Http();
    private final Keycloak keycloak;
    private final Progress progress;
    private final Summary summary = new Summary();
    /** Registry inspector id → account user name. */
    private final Map<String, String> accounts = new HashMap<>();
    private final CallTimes calls = new CallTimes();
    /** The inspectors' Keycloak accounts, made in the background from step 2 on. */
    private CompletableFuture<Void> accountsMade = CompletableFuture.completedFuture(null);

    public YearDemo(Settings settings) {
        this.s = settings;
        this.keycloak = new Keycloak(http, settings.keycloak());
        this.progress = new Progress(settings.out());
    }

    /** Plays one year; returns what happened. Throws with the failing call's problem when a step fails. */
    public Summary run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        progress.step(1, "抽查事项清单 — the nine seed matters in catalog-service and in sampling's read model");
        List<PlanDraft.Matter> matters = catalogue();
        int year = chooseYear();
        summary.year = year;

        progress.step(2, "名录库 — synthetic Pingdingshan registry: " + s.targets() + " targets, " + s.inspectors()
                + " inspectors (seed " + s.seed() + ")");
        registry();

        progress.step(3, year + " 年度抽查计划 — one task per matter and one joint task, published");
        JsonNode plan = plan(year, matters);

        progress.step(4, "双随机抽取 — commit, execute with witness entropy, verify each proof with the standalone verifier");
        List<DrawResult> draws = draw(plan);

        progress.step(5, "检查实施 — every inspection recorded by its group with both members confirming");
        Map<String, Map<String, Long>> outcomes = inspect(draws);

        progress.step(6, "结果公示 — publish results, push sanctions (local receiver), leave one task overdue");
        publish(year, draws, outcomes);

        progress.step(7, "summary");
        summary.seconds = Math.round((System.nanoTime() - t0) / 1e9);
        summary.urls.put("dashboard page (log in as supervisor-city / supervisor-city)",
                s.publication() + "/supervision/dashboard?year=" + year);
        summary.urls.put("dashboard (JSON, supervisor token)", s.publication() + "/api/v1/dashboard?year=" + year);
        summary.urls.put("public site (公示网站: plans, catalogue, results)", s.publication() + "/");
        summary.urls.put("public results (JSON, no token)", s.publication() + "/api/v1/public/results");
        summary.urls.put("draw proofs (public)", s.sampling() + "/api/v1/draws?planId=" + summary.planId);
        for (String[] svc : new String[][] {{"catalog", s.catalog()}, {"registry", s.registry()},
                {"sampling", s.sampling()}, {"enforcement", s.enforcement()}, {"publication", s.publication()}}) {
            summary.urls.put("Swagger UI " + svc[0], svc[1] + "/q/swagger-ui");
        }
        return summary;
    }

    // ---- 1. catalogue -------------------------------------------------------------------------

    private List<PlanDraft.Matter> catalogue() throws InterruptedException {
        String planner = keycloak.token("planner-city");
        JsonNode page = http.get(s.catalog() + "/api/v1/matters?status=PUBLISHED&size=200", planner);
        Map<Integer, PlanDraft.Matter> byOrder = new TreeMap<>();
        for (JsonNode m : page.path("items")) {
            String code = m.path("code").asText();
            if (!code.startsWith(SEED_PREFIX)) {
                continue;
            }
            List<String> methods = new ArrayList<>();
            m.path("methods").forEach(x -> methods.add(x.asText()));
            List<String> units = new ArrayList<>();
            m.path("responsibleUnits").forEach(x -> units.add(x.asText()));
            byOrder.put(m.path("displayOrder").asInt(byOrder.size() + 1), new PlanDraft.Matter(code, m.path("name").asText(),
                    m.path("ratio").path("percent").decimalValue(), m.path("frequency").path("timesPerYear").asInt(1),
                    methods, units));
        }
        List<PlanDraft.Matter> matters = new ArrayList<>(byOrder.values());
        if (matters.size() != 9) {
            throw new IllegalStateException("catalog-service lists " + matters.size() + " of the nine seed matters "
                    + SEED_PREFIX + "01…09 as PUBLISHED; it loads them at its first start (docs/catalog/seed.md)");
        }
        for (PlanDraft.Matter m : matters) {
            progress.line(String.format("%s %s — %s%%, %d×/年, %s", m.code(), m.name(), m.ratioPercent().toPlainString(),
                    m.timesPerYear(), m.methods()));
        }
        await("the nine matters in sampling-service's read model", 120, () -> matters.stream()
                .allMatch(m -> http.ok(s.sampling() + "/api/v1/matters/" + m.code(), planner)));
        return matters;
    }

    /** The first year from 2020 without a published city plan, or the one asked for. */
    private int chooseYear() {
        if (s.year() != null) {
            return s.year();
        }
        String planner = keycloak.token("planner-city");
        for (int year = 2020; year <= LocalDate.now(BUREAU).getYear(); year++) {
            boolean taken = false;
            for (JsonNode p : http.get(s.sampling() + "/api/v1/plans?year=" + year, planner)) {
                taken |= "PUBLISHED".equals(p.path("status").asText()) && CITY.equals(p.path("region").asText());
            }
            if (!taken) {
                if (year > 2020) {
                    progress.line("years 2020–" + (year - 1) + " already have a published city plan from earlier runs; "
                            + "this run plays " + year + " (the registry, accounts and catalogue are reused)");
                }
                return year;
            }
        }
        throw new IllegalStateException("every year from 2020 to this year already has a published city plan; "
                + "reset the suite's databases for a fresh start (docs/operations.md)");
    }

    // ---- 2. registry --------------------------------------------------------------------------

    private void registry() throws IOException, InterruptedException {
        // The registry is as of today (leaves, credit grades), whatever year is played.
        LocalDate asOf = LocalDate.now(BUREAU);
        Path dir = s.workDir().resolve("registry-" + s.seed() + "-" + s.targets() + "-" + s.inspectors() + "-" + asOf);
        if (!Files.exists(dir.resolve("inspectors.csv"))) {
            long t = System.nanoTime();
            new SyntheticRegistry(s.seed(), asOf).write(dir, s.targets(), s.inspectors());
            progress.line(String.format("generated %s in %.1f s", dir, (System.nanoTime() - t) / 1e9));
        }
        long entitiesBefore = stableRows("entity_view");
        long inspectorsBefore = stableRows("inspector_view");
        // Entities first: inspectors' conflict-of-interest declarations name them.
        JsonNode entities = importFile(dir.resolve("entities.csv"), "ENTITIES");
        JsonNode inspectors = importFile(dir.resolve("inspectors.csv"), "INSPECTORS");
        // Only the inspections (step 5) need the inspectors' accounts: Keycloak makes them meanwhile (about
        // a minute for 120 on a Keycloak just started), while the read models catch up, the plan is drafted
        // and the draws run.
        accountsMade = CompletableFuture.runAsync(this::provisionAccounts, runnable -> {
            Thread worker = new Thread(runnable, "inspector-accounts");
            worker.setDaemon(true);
            worker.start();
        });
        summary.entitiesImported = entities.path("rowsAccepted").asLong();
        summary.inspectorsImported = inspectors.path("rowsAccepted").asLong();
        long entityTarget = entitiesBefore + entities.path("rowsCreated").asLong();
        long inspectorTarget = inspectorsBefore + inspectors.path("rowsCreated").asLong();
        await("sampling-service's read model to hold the new registry (" + entityTarget + " entities)", 300,
                () -> rows("entity_view") >= entityTarget && rows("inspector_view") >= inspectorTarget);
    }

    /** Waits for the accounts {@link #registry()} had made in the background; their failure fails the run. */
    private void awaitAccounts() throws InterruptedException {
        long t = System.nanoTime();
        join(accountsMade);
        double waited = (System.nanoTime() - t) / 1e9;
        if (waited >= 0.1) {
            progress.line(String.format("waited %.1f s for the inspector accounts", waited));
        }
    }

    /** Waits for background work; its failure is rethrown as it was raised, so the run stops on it. */
    private static void join(Future<?> work) throws InterruptedException {
        try {
            work.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void provisionAccounts() {
        String registrar = keycloak.token("registrar-city");
        List<Keycloak.InspectorAccount> list = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = http.get(s.registry() + "/api/v1/inspectors?size=500&certified=true"
                    + (after == null ? "" : "&after=" + after), registrar);
            for (JsonNode i : page.path("items")) {
                String username = s.accountPrefix() + i.path("certificateNumber").asText();
                list.add(new Keycloak.InspectorAccount(username, i.path("id").asText(), i.path("name").asText(),
                        i.path("region").asText(), i.path("department").asText()));
                accounts.put(i.path("id").asText(), username);
            }
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        long t = System.nanoTime();
        int changed = keycloak.provisionInspectors(list, s.accountPrefix());
        summary.inspectorAccounts = list.size();
        progress.line(String.format("Keycloak: %d inspector accounts linked to their registry ids (inspector_id), "
                + "%d created or re-linked in %.1f s", list.size(), changed, (System.nanoTime() - t) / 1e9));
    }

    private JsonNode importFile(Path file, String kind) throws InterruptedException {
        String registrar = keycloak.token("registrar-city");
        long t = System.nanoTime();
        JsonNode job = http.upload(s.registry() + "/api/v1/imports?kind=" + kind + "&mode=KEEP_GOOD_ROWS", registrar, "file",
                file, "text/csv");
        String id = job.path("id").asText();
        int shown = -1;
        while (!Set.of("COMPLETED", "FAILED").contains(job.path("status").asText())) {
            Thread.sleep(500);
            job = http.get(s.registry() + "/api/v1/imports/" + id, keycloak.token("registrar-city"));
            int percent = job.path("percent").asInt();
            if (percent / 25 != shown / 25) {
                progress.line(String.format("import %s: %d %% (%d rows read)", kind.toLowerCase(), percent,
                        job.path("rowsRead").asLong()));
                shown = percent;
            }
        }
        if (!"COMPLETED".equals(job.path("status").asText())) {
            throw new IllegalStateException("import of " + file + " failed: " + job.path("message").asText());
        }
        progress.line(String.format("import %s: %d rows — %d new, %d changed, %d unchanged, %d rejected in %.1f s",
                kind.toLowerCase(), job.path("rowsRead").asLong(), job.path("rowsCreated").asLong(),
                job.path("rowsUpdated").asLong(), job.path("rowsUnchanged").asLong(), job.path("rowsRejected").asLong(),
                (System.nanoTime() - t) / 1e9));
        return job;
    }

    private long rows(String table) {
        for (JsonNode model : http.get(s.sampling() + "/api/v1/admin/read-models", keycloak.token("supervisor-city"))) {
            if (model.path("rows").has(table)) {
                return model.path("rows").path(table).asLong();
            }
        }
        throw new IllegalStateException("sampling-service reports no read model table " + table);
    }

    /** A read model's row count once it stops changing (an earlier run's events may still be arriving). */
    private long stableRows(String table) throws InterruptedException {
        long previous = -1;
        long current = rows(table);
        for (int i = 0; i < 60 && current != previous; i++) {
            Thread.sleep(1000);
            previous = current;
            current = rows(table);
        }
        return current;
    }

    // ---- 3. plan ------------------------------------------------------------------------------

    private JsonNode plan(int year, List<PlanDraft.Matter> matters) {
        String planner = keycloak.token("planner-city");
        JsonNode draft = http.post(s.sampling() + "/api/v1/plans", planner, PlanDraft.plan(year, CITY, matters));
        String id = draft.path("id").asText();
        JsonNode plan = http.post(s.sampling() + "/api/v1/plans/" + id + "/publish", planner, Map.of());
        summary.planId = id;
        for (JsonNode task : plan.path("tasks")) {
            progress.line(String.format("%-3s %s — %s, %s%%, %d batch(es), lead %s%s", task.path("taskId").asText(),
                    task.path("name").asText(), task.path("matterCodes"), task.path("effective").path("floorPercent").asText(
                            task.path("ratioPercent").asText()), task.path("batches").size(),
                    task.path("leadDepartment").asText(), task.path("joint").asBoolean() ? " (联合抽查)" : ""));
        }
        progress.line("plan " + id + " published as version " + plan.path("version").asInt());
        return plan;
    }

    // ---- 4. draws -----------------------------------------------------------------------------

    /** A task's first-batch draw as executed. */
    record DrawResult(String taskId, String name, List<String> matterCodes, List<String> methods, JsonNode draw,
                      String verification) {
        String id() {
            return draw.path("id").asText();
        }

        boolean completed() {
            return "COMPLETED".equals(draw.path("status").asText());
        }
    }

    private List<DrawResult> draw(JsonNode plan) throws IOException, InterruptedException {
        String planner = keycloak.token("planner-city");
        SplittableRandom random = new SplittableRandom(s.seed() * 31 + summary.year);
        List<DrawResult> results = new ArrayList<>();
        for (JsonNode task : plan.path("tasks")) {
            String taskId = task.path("taskId").asText();
            String day = task.path("batches").path(0).path("start").asText();
            Map<String, Object> commit = new LinkedHashMap<>();
            commit.put("planId", summary.planId);
            commit.put("taskId", taskId);
            commit.put("batch", 1);
            commit.put("entropySource", "上证综指 " + day + " 收盘价（演示：由种子生成）");
            JsonNode committed = http.post(s.sampling() + "/api/v1/draws", keycloak.token("planner-city"), commit);
            String witnessEntropy = String.format("%d.%02d", 2800 + random.nextInt(700), random.nextInt(100));
            String drawId = committed.path("id").asText();
            JsonNode done;
            try {
                done = http.post(s.sampling() + "/api/v1/draws/" + drawId + "/execute", planner,
                        Map.of("witnessEntropy", witnessEntropy, "witness", "市司法局公证员（演示）"));
            } catch (Http.ApiException e) {
                if (e.status != 422) {
                    throw e;
                }
                // A draw that cannot be completed (e.g. no valid inspector group) is recorded FAILED: show it and go on.
                done = http.get(s.sampling() + "/api/v1/draws/" + drawId, planner);
            }
            String verification = "COMPLETED".equals(done.path("status").asText()) ? verify(done)
                    : "FAILED: " + done.path("failure").asText();
            List<String> matterCodes = new ArrayList<>();
            task.path("matterCodes").forEach(x -> matterCodes.add(x.asText()));
            List<String> methods = new ArrayList<>();
            task.path("methods").forEach(x -> methods.add(x.asText()));
            results.add(new DrawResult(taskId, task.path("name").asText(), matterCodes, methods, done, verification));
            progress.line(String.format("%-3s E=%s population %d, excluded %d, drawn %d, commitment %s… %s", taskId,
                    witnessEntropy, done.path("populationSize").asLong(), excluded(done), done.path("selectedCount").asLong(),
                    done.path("commitment").asText().substring(0, Math.min(12, done.path("commitment").asText().length())),
                    verification));
        }
        return results;
    }

    /** Downloads the proof and the population and runs the standalone verifier on them. */
    private String verify(JsonNode draw) throws IOException, InterruptedException {
        String id = draw.path("id").asText();
        Path dir = s.workDir().resolve("draws").resolve(id);
        Files.createDirectories(dir);
        Path proof = dir.resolve("proof.json");
        Path population = dir.resolve("population.txt");
        Files.writeString(proof, http.text(s.sampling() + "/api/v1/draws/" + id + "/proof", null), StandardCharsets.UTF_8);
        Files.writeString(population, http.text(s.sampling() + "/api/v1/draws/" + id + "/population", null),
                StandardCharsets.UTF_8);
        if (!Files.isRegularFile(s.verifierJar())) {
            return "NOT VERIFIED: no verifier at " + s.verifierJar();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                s.verifierJar().toString(), "verify", proof.toString(), population.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "NOT VERIFIED: the verifier did not finish";
        }
        return p.exitValue() == 0 && output.startsWith("VERIFIED") ? "VERIFIED" : output.lines().findFirst().orElse("?");
    }

    private static long excluded(JsonNode draw) {
        long n = 0;
        for (JsonNode v : draw.path("exclusionsByReason")) {
            n += v.asLong();
        }
        return n;
    }

    // ---- 5. inspections -----------------------------------------------------------------------

    private Map<String, Map<String, Long>> inspect(List<DrawResult> draws) throws InterruptedException {
        awaitAccounts();
        List<JsonNode> work = new ArrayList<>();
        Map<String, DrawResult> byDraw = new HashMap<>();
        for (DrawResult d : draws) {
            if (!d.completed()) {
                continue;
            }
            byDraw.put(d.id(), d);
            long expected = d.draw().path("selectedCount").asLong();
            List<JsonNode> mine = new ArrayList<>();
            await("enforcement-service to hold the " + expected + " assignments of " + d.taskId(), 180, () -> {
                mine.clear();
                mine.addAll(assignments(d.id()));
                return mine.size() >= expected;
            });
            work.addAll(mine);
        }
        progress.line(work.size() + " assignments to record; " + s.threads() + " inspector sessions at a time");
        Map<String, Map<String, Long>> outcomes = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        LocalDate today = LocalDate.now(BUREAU);
        Map<String, String> showcase = showcase(work);
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (JsonNode a : work) {
                futures.add(pool.submit(() -> {
                    String outcome = record(a, byDraw.get(a.path("drawId").asText()), today,
                            showcase.get(a.path("id").asText()));
                    outcomes.computeIfAbsent(a.path("drawId").asText(), k -> new ConcurrentHashMap<>())
                            .merge(outcome, 1L, Long::sum);
                    int n = done.incrementAndGet();
                    if (n % Math.max(1, work.size() / 10) == 0 || n == work.size()) {
                        progress.line(String.format("recorded %d / %d", n, work.size()));
                    }
                }));
            }
            for (Future<?> f : futures) {
                join(f);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.line("enforcement-service calls: " + calls.summary());
        return outcomes;
    }

    /**
     * The first two organisation inspections of the year end in a referral and a fine, whatever the
     * seeded weights give at a small size, so that every run shows the exemption (不予公示) and a
     * sanction push; the last task, left unpublished, comes after them in draw order.
     */
    private static Map<String, String> showcase(List<JsonNode> work) {
        List<String> forced = List.of("REFERRED", "ADMINISTRATIVE_PENALTY");
        Map<String, String> showcase = new HashMap<>();
        for (JsonNode a : work) {
            if (showcase.size() < forced.size() && !PERSON_MATTER.equals(a.path("matterCode").asText())) {
                showcase.put(a.path("id").asText(), forced.get(showcase.size()));
            }
        }
        return showcase;
    }

    /** Every assignment of a draw, page by page, as a city supervisor sees them. */
    private List<JsonNode> assignments(String drawId) {
        List<JsonNode> all = new ArrayList<>();
        int size = 500;
        for (int page = 0; ; page++) {
            JsonNode list = http.get(s.enforcement() + "/api/v1/assignments?drawId=" + drawId + "&size=" + size + "&page=" + page,
                    keycloak.token("supervisor-city"));
            list.forEach(all::add);
            if (list.size() < size) {
                return all;
            }
        }
    }

    /** One assignment: the whole record, confirmed, by the first member; then the others confirm. */
    private String record(JsonNode a, DrawResult draw, LocalDate today, String forcedOutcome) {
        String id = a.path("id").asText();
        SplittableRandom random = new SplittableRandom(s.seed() ^ a.path("entityId").asText().hashCode() * 0x9E3779B97F4A7C15L
                ^ a.path("matterCode").asText().hashCode());
        List<String> members = new ArrayList<>();
        for (JsonNode m : a.path("group")) {
            String username = accounts.get(m.path("inspectorId").asText());
            if (username == null) {
                throw new IllegalStateException("assignment " + id + ": inspector " + m.path("inspectorId").asText()
                        + " has no account (not in the registry's certified inspectors)");
            }
            members.add(username);
        }
        boolean person = PERSON_MATTER.equals(a.path("matterCode").asText());
        String picked = Outcomes.pick(random, person); // drawn even when forced, so the dates stay as seeded
        String outcome = forcedOutcome != null ? forcedOutcome : picked;
        List<String> items = new ArrayList<>();
        a.path("checkItems").forEach(x -> items.add(x.asText()));
        if (items.isEmpty()) {
            items.add("1");
        }
        String failing = Outcomes.PROBLEMS.contains(outcome) ? items.get(random.nextInt(items.size())) : null;
        Map<String, Object> findings = new TreeMap<>();
        for (String item : items) {
            findings.put(item, item.equals(failing)
                    ? Map.of("result", "NON_COMPLIANT", "notes", "检查发现不符合规定（演示）")
                    : Map.of("result", "COMPLIANT"));
        }
        LocalDate start = LocalDate.parse(a.path("batchStart").asText());
        LocalDate end = LocalDate.parse(a.path("batchEnd").asText());
        LocalDate last = end.isBefore(today) ? end : today;
        LocalDate inspectedOn = start.plusDays(random.nextLong(Math.max(1, last.toEpochDay() - start.toEpochDay() + 1)));
        LocalDate concludedOn = inspectedOn.plusDays(random.nextInt(6));
        if (concludedOn.isAfter(last)) {
            concludedOn = last;
        }
        String method = draw.methods().isEmpty() ? "ON_SITE" : draw.methods().get(0);
        // The whole record in one request, confirmed by its sender, as an inspector's device sends it after
        // the visit; then the other members confirm with their own tokens.
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("method", method);
        record.put("findings", findings);
        record.put("inspectedOn", inspectedOn.toString());
        record.put("outcome", outcome);
        record.put("concludedOn", concludedOn.toString());
        if ("ADMINISTRATIVE_PENALTY".equals(outcome)) {
            record.put("penalty", Map.of("decisionNumber", "平人社监罚〔" + inspectedOn.getYear() + "〕" + (1000 + random.nextInt(9000)) + "号",
                    "amount", BigDecimal.valueOf(2000 + 500L * random.nextInt(37)),
                    "legalBasis", "《劳动保障监察条例》第二十六条"));
        }
        if (failing != null) {
            record.put("notes", "第" + failing + "项不符合规定（演示）");
        }
        record.put("confirm", true);
        String lead = keycloak.token(members.get(0));
        calls.time("record", () -> http.put(s.enforcement() + "/api/v1/assignments/" + id + "/record", lead, record));
        for (String member : members.subList(1, members.size())) {
            String token = keycloak.token(member);
            calls.time("confirm", () -> http.post(s.enforcement() + "/api/v1/assignments/" + id + "/confirm", token, Map.of()));
        }
        return outcome;
    }

    // ---- 6. publication -----------------------------------------------------------------------

    private void publish(int year, List<DrawResult> draws, Map<String, Map<String, Long>> outcomes)
            throws IOException, InterruptedException {
        String admin = keycloak.token("admin");
        String secret = "demo-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            for (JsonNode sub : http.get(s.publication() + "/api/v1/webhooks/subscriptions", admin)) {
                if (sub.path("agency").asText().startsWith(RECEIVER_AGENCY) && sub.path("active").asBoolean()) {
                    http.delete(s.publication() + "/api/v1/webhooks/subscriptions/" + sub.path("id").asText(), admin);
                }
            }
            http.post(s.publication() + "/api/v1/webhooks/subscriptions", admin,
                    Map.of("agency", RECEIVER_AGENCY + " " + year, "url", receiver.url(), "secret", secret));
            progress.line("sanction receiver listening at " + receiver.url());

            Map<String, JsonNode> disclosures = disclosures(draws);
            List<DrawResult> completed = draws.stream().filter(d -> disclosures.containsKey(d.id())).toList();
            DrawResult overdue = completed.isEmpty() ? null : completed.get(completed.size() - 1);
            summary.unpublishedTask = overdue == null ? null : overdue.taskId();
            boolean exempted = false;
            String publisher = "publisher-city";
            for (DrawResult d : completed) {
                JsonNode disclosure = disclosures.get(d.id());
                String id = disclosure.path("id").asText();
                JsonNode detail = http.get(s.publication() + "/api/v1/disclosures/" + id, keycloak.token(publisher));
                long exempt = 0;
                long published = 0;
                if (d != overdue) {
                    for (JsonNode item : detail.path("items")) {
                        if (!exempted && "REFERRED".equals(item.path("outcome").asText())) {
                            http.put(s.publication() + "/api/v1/disclosures/" + id + "/items/" + item.path("id").asText()
                                    + "/exemption", keycloak.token(publisher), Map.of("exempt", true, "legalGround", EXEMPTION_GROUND));
                            exempted = true;
                            exempt++;
                        } else {
                            published++;
                            if (Outcomes.SANCTIONS.contains(item.path("outcome").asText())) {
                                summary.sanctionsExpected++;
                            }
                        }
                    }
                    http.post(s.publication() + "/api/v1/disclosures/" + id + "/publish", keycloak.token(publisher), Map.of());
                }
                JsonNode after = http.get(s.publication() + "/api/v1/disclosures/" + id, keycloak.token(publisher))
                        .path("disclosure");
                summary.tasks.add(row(d, outcomes.getOrDefault(d.id(), Map.of()), after, published, exempt));
            }
            draws.stream().filter(d -> !disclosures.containsKey(d.id()))
                    .forEach(d -> summary.tasks.add(row(d, outcomes.getOrDefault(d.id(), Map.of()), null, 0, 0)));
            progress.line(String.format("published %d results, %d exempt; waiting for %d sanction pushes",
                    summary.published(), summary.exempt(), summary.sanctionsExpected));
            await(summary.sanctionsExpected + " sanctions at the receiver", 120,
                    () -> receiver.sanctions() >= summary.sanctionsExpected);
            Thread.sleep(1000); // a late duplicate would show up now
            summary.sanctionsReceived = receiver.sanctions();
            summary.sanctionRepeats = receiver.repeats();
            summary.badSignatures = receiver.badSignatures();
            progress.line(String.format("receiver: %d sanctions, %d repeated deliveries, %d bad signatures",
                    summary.sanctionsReceived, summary.sanctionRepeats, summary.badSignatures));
        }
        JsonNode dashboard = http.get(s.publication() + "/api/v1/dashboard?year=" + year, keycloak.token("supervisor-city"));
        Set<String> ours = new HashSet<>();
        draws.forEach(d -> ours.add(d.taskId()));
        for (JsonNode o : dashboard.path("overdue")) {
            String task = o.path("taskId").asText();
            if (ours.contains(task)) {
                summary.overdueTasks.add(task);
                progress.line("dashboard: 逾期未公示 " + task + " batch " + o.path("batch").asInt() + ", due "
                        + o.path("dueDate").asText() + " (" + o.path("department").asText() + ")");
            }
        }
        registryCheck(year, draws);
    }

    static final String RECEIVER_AGENCY = "演示接收端（本机）";

    /** Each completed draw's disclosure, once publication-service has it (from TaskCompleted). */
    private Map<String, JsonNode> disclosures(List<DrawResult> draws) throws InterruptedException {
        Set<String> wanted = new HashSet<>();
        draws.stream().filter(d -> d.completed() && d.draw().path("selectedCount").asLong() > 0).forEach(d -> wanted.add(d.id()));
        Map<String, JsonNode> found = new HashMap<>();
        await("publication-service to open the disclosures of " + wanted.size() + " completed batches", 180, () -> {
            for (String status : List.of("OPEN", "PUBLISHED")) {
                for (int page = 0; page < 1000; page++) {
                    JsonNode list = http.get(s.publication() + "/api/v1/disclosures?status=" + status + "&page=" + page,
                            keycloak.token("publisher-city"));
                    for (JsonNode d : list) {
                        if (wanted.contains(d.path("drawId").asText())) {
                            found.put(d.path("drawId").asText(), d);
                        }
                    }
                    if (list.size() < 50) {
                        break;
                    }
                }
            }
            return found.keySet().containsAll(wanted);
        });
        return found;
    }

    private Summary.TaskRow row(DrawResult d, Map<String, Long> outcomes, JsonNode disclosure, long published, long exempt) {
        long assignments = 0;
        long closed = 0;
        Set<Set<String>> groups = new HashSet<>();
        if (d.completed()) {
            for (JsonNode a : assignments(d.id())) {
                assignments++;
                closed += "CLOSED".equals(a.path("status").asText()) ? 1 : 0;
                Set<String> group = new HashSet<>();
                a.path("group").forEach(m -> group.add(m.path("inspectorId").asText()));
                groups.add(group);
            }
        }
        String status = disclosure == null ? "-" : disclosure.path("status").asText();
        LocalDate due = disclosure == null || disclosure.path("dueDate").isNull() ? null
                : LocalDate.parse(disclosure.path("dueDate").asText());
        if ("OPEN".equals(status) && due != null && due.isBefore(LocalDate.now(BUREAU))) {
            status = "逾期未公示";
        }
        return new Summary.TaskRow(d.taskId(), d.name(), d.matterCodes(), d.draw().path("populationSize").asLong(),
                excluded(d.draw()), d.draw().path("selectedCount").asLong(), groups.size(), assignments, closed,
                new TreeMap<>(outcomes), published, exempt, due, status, d.verification());
    }

    /** The registry learns of each closed inspection (InspectionClosed): checks a sample of drawn entities. */
    private void registryCheck(int year, List<DrawResult> draws) throws InterruptedException {
        List<String[]> sample = new ArrayList<>();
        for (DrawResult d : draws) {
            if (!d.completed()) {
                continue;
            }
            for (JsonNode a : http.get(s.enforcement() + "/api/v1/assignments?drawId=" + d.id() + "&status=CLOSED&size=5",
                    keycloak.token("supervisor-city"))) {
                sample.add(new String[] {a.path("entityId").asText(), a.path("matterCode").asText()});
            }
        }
        int[] updated = new int[1];
        await("the registry to record the inspections of " + sample.size() + " sampled entities", 120, () -> {
            updated[0] = 0;
            for (String[] e : sample) {
                JsonNode entity = http.get(s.registry() + "/api/v1/entities/" + e[0], keycloak.token("registrar-city"));
                String last = entity.path("lastInspectedByMatter").path(e[1]).asText("");
                updated[0] += last.startsWith(String.valueOf(year)) ? 1 : 0;
            }
            return updated[0] == sample.size();
        });
        summary.registryUpdated = updated[0];
        summary.registryChecked = sample.size();
        progress.line(String.format("registry: %d of %d sampled entities show their %d inspection", updated[0], sample.size(),
                year));
    }

    private void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long t = System.nanoTime();
        long deadline = t + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + seconds + " s for " + what);
            }
            Thread.sleep(500);
        }
        progress.line(String.format("waited %.1f s for %s", (System.nanoTime() - t) / 1e9, what));
    }
}
