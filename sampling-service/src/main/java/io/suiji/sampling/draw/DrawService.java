package io.suiji.sampling.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.sampling.Batch;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.draw.Commitment;
import io.suiji.draw.Draw;
import io.suiji.draw.DrawProof;
import io.suiji.draw.Hex;
import io.suiji.draw.InspectorGroupingException;
import io.suiji.draw.Population;
import io.suiji.draw.PopulationSummary;
import io.suiji.draw.Rfc3797;
import io.suiji.draw.Selection;
import io.suiji.draw.StratumAllocation;
import io.suiji.draw.StratumPlan;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.RegionScope;
import io.suiji.sampling.Actor;
import io.suiji.sampling.SamplingConfig;
import io.suiji.sampling.plan.MatterCatalog;
import io.suiji.sampling.plan.MatterRule;
import io.suiji.sampling.plan.Plan;
import io.suiji.sampling.plan.PlanContent;
import io.suiji.sampling.plan.PlanContent.Task;
import io.suiji.sampling.plan.PlanRules;
import io.suiji.sampling.plan.PlanService;
import io.suiji.sampling.plan.PlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The double random draw (DESIGN §5): commit (freeze the population and the inspector pool, keep a
 * secret, publish its hash), execute once with the witness's entropy, cancel with a reason.
 * Events leave through the outbox in the transaction of the state change.
 */
@ApplicationScoped
public class DrawService {

    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<InspectorFacts>> POOL = new TypeReference<>() { };
    private static final TypeReference<List<String>> LABELS = new TypeReference<>() { };

    private final MatterCatalog catalog;
    private final DrawStore store;
    private final Outbox outbox;
    private final SamplingConfig config;
    private final AuditLog audit;

    @Inject
    public DrawService(MatterCatalog catalog, DrawStore store, Outbox outbox, SamplingConfig config, AuditLog audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.store = store;
        this.outbox = outbox;
        this.config = config;
    }

    /** The outcome of running a draw: completed, or failed (recorded) with the problem to answer. */
    public record Execution(DrawView draw, ProblemException failure) {
    }

    @Transactional
    public DrawView commit(DrawRequests.Commit request, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.planId() == null) {
            errors.add(new FieldError("planId", "must not be null"));
        }
        if (request == null || request.taskId() == null || request.taskId().isBlank()) {
            errors.add(new FieldError("taskId", "must not be blank"));
        }
        if (request == null || request.batch() == null) {
            errors.add(new FieldError("batch", "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // Serialises the draws of one plan, so that two commits cannot both pass the checks below.
        Plan plan = Plan.findById(request.planId(), LockModeType.PESSIMISTIC_WRITE);
        if (plan == null || (!Plan.PUBLISHED.equals(plan.status) && !actor.covers(plan.region))) {
            throw ProblemException.invalid("planId", "no plan " + request.planId());
        }
        actor.requireWriterFor(plan.region, plan.department);
        if (!Plan.PUBLISHED.equals(plan.status)) {
            throw ProblemException.conflict("plan-not-published", "plan " + plan.id
                    + " is a draft; only published plans are drawn");
        }
        PlanVersion version = PlanService.latest(plan);
        PlanContent content = PlanService.read(version.content);
        Task task = content.tasks().stream().filter(t -> t.taskId().equals(request.taskId())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("taskId", "no task " + request.taskId()
                        + " in version " + version.version + " of the plan"));
        Batch batch = task.batches().stream().filter(b -> b.number() == request.batch()).findFirst()
                .orElseThrow(() -> ProblemException.invalid("batch", "task " + task.taskId() + " has no batch "
                        + request.batch()));
        checkNoLiveDraw(plan.id, task.taskId(), batch.number());
        String algorithm = DrawAlgorithms.algorithm(request, task);
        LocalDate today = LocalDate.now(ZoneId.of(config.zone()));
        List<DrawSpec.Source> sources = DrawCommitted.RFC3797.equals(algorithm)
                ? DrawAlgorithms.announcedSources(request, today) : List.of();
        Map<String, MatterRule> matters = currentMatters(task);
        Map<String, BigDecimal> classRatios = PlanRules.effectiveRatios(task, matters);
        checkFloors(task, matters, classRatios);

        RegionScope planScope = new RegionScope(plan.region);
        List<RegionScope> regions = task.filter().regions().isEmpty() ? List.of(planScope)
                : task.filter().regions().stream().map(RegionScope::new).toList();
        PopulationRules.Rules rules = new PopulationRules.Rules(PlanRules.targetTypes(task, matters), regions,
                Set.copyOf(task.filter().riskClasses()), today,
                or(task.exclusions().windowDays(), config.exclusionWindowDays()),
                or(task.exclusions().annualCap(), config.annualCap()),
                or(task.exclusions().annualCapWithoutViolation(), config.annualCapWithoutViolation()),
                task.priorityWeighting());
        // Streamed: candidates → population lines → the chunks to be stored. What is held is about the
        // size of the file (30 MB for a million targets), not the candidates' facts (~10× that).
        Population.Builder population = new Population.Builder();
        PopulationRules.Freezer frozen = new PopulationRules.Freezer(rules, population::add);
        store.candidates(planScope.prefix(), task.matterCodes(), plan.year, plan.department, plan.id, task.taskId(),
                frozen::accept);
        PopulationChunks.Buffer file = new PopulationChunks.Buffer();
        PopulationSummary summary;
        try {
            summary = population.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (DrawCommitted.RFC3797.equals(algorithm)) {
            DrawAlgorithms.checkPoolSize(summary.size(), task);
        }
        Map<String, BigDecimal> ratios = new TreeMap<>();
        summary.stratumSizes().keySet().forEach(stratum ->
                ratios.put(stratum, fraction(classRatios.get(PopulationRules.classOf(stratum)))));
        long minimum = task.minimumCount() != null ? task.minimumCount() : PlanRules.floorCount(task, matters);
        List<StratumPlan> plans = StratumAllocation.allocate(summary.stratumSizes(), ratios, minimum);

        List<String> controlStrata = new ArrayList<>();
        int controlCount = task.control() == null ? 0 : task.control().count();
        if (controlCount > 0) {
            summary.stratumSizes().keySet().stream()
                    .filter(s -> task.control().riskClasses().contains(PopulationRules.classOf(s)))
                    .forEach(controlStrata::add);
        }

        int groupSize = or(task.groups().size(), config.groupSize());
        InspectorRules.PoolRules poolRules = InspectorRules.PoolRules.of(task, matters, plan.region, batch.start(),
                batch.end());
        List<InspectorFacts> pool = new ArrayList<>();
        List<Optional<InspectorRules.Rejection>> rejections = new ArrayList<>();
        for (InspectorFacts inspector : store.inspectors()) {
            Optional<InspectorRules.Rejection> rejection = InspectorRules.poolRejection(inspector, poolRules);
            if (rejection.isEmpty()) {
                pool.add(inspector);
            }
            if (rejection.filter(r -> r == InspectorRules.Rejection.OUTSIDE_REGION).isEmpty()) {
                rejections.add(rejection); // the inspectors of the plan's region, for the counts
            }
        }
        Map<InspectorRules.Rejection, Long> leftOut = InspectorRules.count(rejections);
        long sampleSize = plans.stream().mapToLong(StratumPlan::sample).sum();
        if ((sampleSize > 0 || (controlCount > 0 && !controlStrata.isEmpty())) && pool.size() < groupSize) {
            String message = pool.size() + " of the " + rejections.size() + " inspectors of region " + plan.region
                    + " are eligible for task "
                    + task.taskId() + " batch " + batch.number() + ", a group needs " + groupSize + "; "
                    + InspectorRules.describe(leftOut);
            throw new ProblemException(422, "no-valid-inspector-group", "No valid inspector assignment", message,
                    List.of(new FieldError("inspectors", message)));
        }
        Map<String, Integer> priorWorkload = new TreeMap<>();
        Map<String, Integer> load = store.priorWorkload(plan.year);
        pool.forEach(i -> {
            if (load.getOrDefault(i.id(), 0) > 0) {
                priorWorkload.put(i.id(), load.get(i.id()));
            }
        });
        boolean drawBatchOrder = task.matterCodes().stream().anyMatch(c -> matters.get(c).category() == MatterCategory.KEY)
                && classRatios.values().stream().anyMatch(r -> r.compareTo(config.batchOrderFromPercent()) >= 0)
                && task.batches().size() > 1;
        List<String> batchLabels = drawBatchOrder
                ? task.batches().stream().map(b -> Integer.toString(b.number())).sorted().toList() : List.of();

        Map<String, Long> poolLeftOut = new LinkedHashMap<>();
        leftOut.forEach((reason, n) -> poolLeftOut.put(reason.name(), n));
        DrawSpec spec = new DrawSpec(task.priorityWeighting() ? "weighted" : "uniform", minimum,
                plans.stream().map(p -> new DrawSpec.Stratum(p.name(), p.population(), p.ratio(), p.sample())).toList(),
                controlStrata, controlCount, groupSize, or(task.groups().workloadCap(), config.workloadCap()),
                priorWorkload, batchLabels, task.matterCodes(), today, rules.windowDays(), rules.annualCap(),
                batch.start(), batch.end(), task.groups().sameDepartment(), task.groups().sameLevel(), poolLeftOut,
                algorithm, sources, rules.annualCapWithoutViolation());
        spec.parameters(); // fails early on parameters the algorithm would refuse

        byte[] secret = Commitment.newSecret();
        MatterRule lead = matters.get(task.matterCodes().get(0));
        DrawRecord draw = new DrawRecord();
        draw.id = UUID.randomUUID();
        draw.planId = plan.id;
        draw.planVersion = version.version;
        draw.planYear = plan.year;
        draw.taskId = task.taskId();
        draw.batch = batch.number();
        draw.matterCode = lead.code();
        draw.matterVersion = lead.version();
        draw.region = plan.region;
        draw.department = plan.department;
        draw.status = DrawRecord.COMMITTED;
        draw.algorithm = algorithm;
        draw.specification = json(spec);
        draw.inspectorPool = json(pool);
        draw.exclusions = json(frozen.counts());
        draw.populationSize = summary.size();
        draw.populationDigest = summary.digest();
        draw.commitment = Hex.of(Commitment.commit(secret));
        draw.secret = Hex.of(secret);
        draw.entropySource = request.entropySource();
        draw.committedBy = actor.name();
        draw.committedAt = now();
        draw.persist();
        draw.flush();
        store.savePopulation(draw.id, file.chunks());
        store.saveExclusions(draw.id, frozen.excluded());

        outbox.publish(new DrawCommitted(draw.id.toString(), plan.id.toString(), task.taskId(), batch.number(),
                lead.code(), lead.version(), draw.algorithm, committedParameters(spec, draw, pool.size()),
                summary.size(), summary.digest(), draw.commitment, frozen.counts(), plan.region, plan.department,
                draw.committedAt.toInstant()));
        return audited("draw.committed", null, view(draw));
    }

    @Transactional
    public Execution execute(UUID id, DrawRequests.Execute request, Actor actor) {
        DrawRecord draw = writable(id, actor);
        DrawView before = view(draw);
        if (!DrawRecord.COMMITTED.equals(draw.status)) {
            throw ProblemException.conflict("draw-immutable", "draw " + id + " is " + draw.status
                    + "; a draw runs once and is never re-run — cancel it and commit a new draw");
        }
        DrawSpec spec = DrawStore.read(draw.specification, DrawSpec.class);
        List<List<Long>> sources = null;
        if (spec.rfc3797()) {
            sources = DrawAlgorithms.publishedSources(request == null ? new DrawRequests.Execute(null, null) : request,
                    spec);
        } else {
            DrawAlgorithms.checkNoSources(request);
            if (request == null || request.witnessEntropy() == null || request.witnessEntropy().isEmpty()) {
                throw ProblemException.invalid("witnessEntropy", "the witness's entropy string is required");
            }
        }
        String witness = request == null ? null : request.witness();
        List<InspectorFacts> pool = read(draw.inspectorPool, POOL);
        Map<String, List<String>> previous = store.previousInspectors(new RegionScope(draw.region).prefix());
        Map<String, String> strata = new HashMap<>();
        Function<Selection, List<String>> eligible = target -> {
            strata.put(target.id(), target.stratum());
            return pool.stream()
                    .filter(i -> InspectorRules.targetRejection(i, target.id(),
                            PopulationRules.regionOf(target.stratum()), previous.getOrDefault(target.id(), List.of()))
                            .isEmpty())
                    .map(InspectorFacts::id).toList();
        };
        DrawProof proof;
        // Streamed from its chunks into the one-pass sampler: memory O(k), not O(N).
        try (InputStream population = store.population(draw.id)) {
            proof = sources != null
                    ? Draw.runRfc3797(draw.id.toString(), spec.parameters(), spec.plans(), Hex.parse(draw.secret),
                            sources, population, eligible)
                    : Draw.run(draw.id.toString(), spec.parameters(), spec.plans(), Hex.parse(draw.secret),
                            request.witnessEntropy(), population, eligible);
        } catch (InspectorGroupingException e) {
            // Recorded, not rolled back: the same draw must not be retried with other entropy.
            ProblemException problem = noGroup(e, strata.get(e.targetId()), pool, previous);
            draw.status = DrawRecord.FAILED;
            draw.failure = problem.getMessage();
            draw.witnessEntropy = sources != null ? Rfc3797.keyString(sources) : request.witnessEntropy();
            draw.witness = witness;
            draw.executedBy = actor.name();
            draw.completedAt = now();
            return new Execution(audited("draw.failed", before, view(draw)), problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.saveSelections(draw.id, proof.selection(), proof.inspectorGroups());
        draw.status = DrawRecord.COMPLETED;
        draw.witnessEntropy = proof.witnessEntropy();
        draw.witness = witness;
        draw.selectionDigest = proof.selectionDigest();
        draw.selectedCount = proof.selection().size();
        draw.batchOrder = proof.batchOrder().isEmpty() ? null : json(proof.batchOrder());
        draw.proof = proof.toJson();
        draw.executedBy = actor.name();
        draw.completedAt = now();

        Map<Integer, List<String>> groups = new HashMap<>();
        proof.inspectorGroups().forEach(g -> groups.put(g.ordinal(), g.inspectors()));
        String drawId = draw.id.toString();
        // Made as the COPY takes them, never all at once; in the outbox ahead of DrawCompleted.
        Iterable<TargetSelected> selected = () -> proof.selection().stream().map(s -> new TargetSelected(drawId,
                draw.taskId, draw.batch, draw.matterCode, draw.matterVersion, s.id(),
                PopulationRules.regionOf(s.stratum()), s.stratum(), s.inclusionProbability(), s.control(),
                groups.getOrDefault(s.ordinal(), List.of()), spec.batchStart(), spec.batchEnd(), s.ordinal()))
                .iterator();
        store.publishAll(selected);
        outbox.publish(new DrawCompleted(draw.id.toString(), draw.planId.toString(), draw.taskId, draw.batch,
                draw.matterCode, proof.selection().size(), proof.inspectorGroups().size(), proof.selectionDigest(),
                proof.secret(), proof.witnessEntropy(), draw.region, draw.department, draw.completedAt.toInstant()));
        return new Execution(audited("draw.executed", before, view(draw)), null);
    }

    @Transactional
    public DrawView cancel(UUID id, DrawRequests.Cancel request, Actor actor) {
        DrawRecord draw = writable(id, actor);
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalid("reason", "cancelling a draw needs a recorded reason");
        }
        if (!draw.live()) {
            throw ProblemException.conflict("draw-not-live", "draw " + id + " is " + draw.status
                    + " and cannot be cancelled");
        }
        DrawView before = view(draw);
        draw.status = DrawRecord.CANCELLED;
        draw.cancelReason = request.reason();
        draw.cancelledBy = actor.name();
        draw.cancelledAt = now();
        outbox.publish(new DrawCancelled(draw.id.toString(), draw.cancelReason, draw.cancelledBy,
                draw.cancelledAt.toInstant()));
        return audited("draw.cancelled", before, view(draw));
    }

    private DrawView audited(String action, DrawView before, DrawView after) {
        audit.append(action, "draw", after.id(), before, after);
        return after;
    }

    @Transactional
    public DrawView get(UUID id) {
        return view(find(id));
    }

    /** One page ({@code page} from 0) of the draws, optionally of one plan and task, by commit time. */
    @Transactional
    public List<DrawView> list(UUID planId, String taskId, int page, int size) {
        Sort order = Sort.by("committedAt").and("id");
        PanacheQuery<DrawRecord> draws;
        if (planId == null) {
            draws = DrawRecord.findAll(order);
        } else if (taskId == null) {
            draws = DrawRecord.find("planId = ?1", order, planId);
        } else {
            draws = DrawRecord.find("planId = ?1 and taskId = ?2", order, planId, taskId);
        }
        return draws.page(page, size).list().stream().map(this::view).toList();
    }

    /** The proof, once the draw has run. */
    @Transactional
    public String proof(UUID id) {
        DrawRecord draw = find(id);
        if (draw.proof == null) {
            throw ProblemException.conflict("draw-not-executed", "draw " + id + " is " + draw.status
                    + "; its proof is published when it runs");
        }
        return draw.proof;
    }

    /** The size of the frozen population file in bytes; 404 for an unknown draw. */
    @Transactional
    public long populationSize(UUID id) {
        find(id);
        long size = store.populationSize(id);
        if (size < 0) { // every committed draw stores its file (an empty one as one empty chunk)
            throw new IllegalStateException("draw " + id + " has no stored population");
        }
        return size;
    }

    /**
     * Streams the frozen population file, chunk by chunk: a download never holds the file (90 MB for
     * three million targets) in memory, however many run at once. Call after {@link #populationSize}.
     */
    public void copyPopulation(UUID id, OutputStream out) throws IOException {
        store.copyPopulation(id, out);
    }

    @Transactional
    public List<DrawStore.ExcludedEntity> exclusions(UUID id, Actor viewer) {
        DrawRecord draw = find(id);
        if (!viewer.covers(draw.region)) {
            throw ProblemException.notFound("draw", id);
        }
        return store.exclusions(id);
    }

    private DrawRecord find(UUID id) {
        DrawRecord draw = DrawRecord.findById(id);
        if (draw == null) {
            throw ProblemException.notFound("draw", id);
        }
        return draw;
    }

    private DrawRecord writable(UUID id, Actor actor) {
        DrawRecord draw = DrawRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (draw == null) {
            throw ProblemException.notFound("draw", id);
        }
        actor.requireWriterFor(draw.region, draw.department);
        return draw;
    }

    private void checkNoLiveDraw(UUID planId, String taskId, int batch) {
        for (DrawRecord other : DrawRecord.<DrawRecord>list("planId = ?1 and taskId = ?2", planId, taskId)) {
            if (other.batch == batch && other.live()) {
                throw ProblemException.conflict("draw-exists", "batch " + batch + " of task " + taskId
                        + " already has draw " + other.id + " (" + other.status
                        + "); a redraw needs that draw cancelled with a reason first");
            }
            if (DrawRecord.COMMITTED.equals(other.status)) {
                throw ProblemException.conflict("draw-pending", "draw " + other.id + " of batch " + other.batch
                        + " of task " + taskId + " is committed but not yet run; run or cancel it first");
            }
        }
    }

    private Map<String, MatterRule> currentMatters(Task task) {
        Map<String, MatterRule> matters = catalog.rules(task.matterCodes());
        for (String code : task.matterCodes()) {
            MatterRule matter = matters.get(code);
            if (matter == null || matter.status() != MatterStatus.PUBLISHED) {
                throw ProblemException.invalid("taskId", "matter " + code + " of task " + task.taskId() + " is "
                        + (matter == null ? "not in the local catalogue" : matter.status()) + "; amend the plan");
            }
        }
        return matters;
    }

    // The catalogue may have raised a floor since the plan was published: never draw below it.
    private static void checkFloors(Task task, Map<String, MatterRule> matters, Map<String, BigDecimal> ratios) {
        BigDecimal floor = PlanRules.floorPercent(task, matters);
        ratios.forEach((riskClass, percent) -> {
            if (percent.compareTo(floor) < 0) {
                throw ProblemException.invalid("taskId", "task " + task.taskId() + " samples risk class " + riskClass
                        + " at " + percent.toPlainString() + " %, below the matters' current floor of "
                        + floor.toPlainString() + " %; amend the plan");
            }
        });
    }

    private static ProblemException noGroup(InspectorGroupingException e, String stratum, List<InspectorFacts> pool,
                                            Map<String, List<String>> previous) {
        List<Optional<InspectorRules.Rejection>> rejections = new ArrayList<>();
        for (InspectorFacts inspector : pool) {
            rejections.add(InspectorRules.targetRejection(inspector, e.targetId(),
                    stratum == null ? "" : PopulationRules.regionOf(stratum),
                    previous.getOrDefault(e.targetId(), List.of())));
        }
        String field;
        String message;
        if (e.eligibleCount() < e.groupSize()) {
            field = "inspectors";
            message = "target " + e.targetId() + " (selection #" + e.ordinal() + "): " + e.eligibleCount() + " of "
                    + pool.size() + " pool inspectors are eligible, a group needs " + e.groupSize() + "; "
                    + InspectorRules.describe(InspectorRules.count(rejections));
        } else {
            field = "groups.workloadCap";
            message = "target " + e.targetId() + " (selection #" + e.ordinal() + "): " + e.underCapCount() + " of its "
                    + e.eligibleCount() + " eligible inspectors are under the workload cap of " + e.workloadCap()
                    + ", a group needs " + e.groupSize();
        }
        return new ProblemException(422, "no-valid-inspector-group", "No valid inspector assignment",
                message + "; nothing was published and the draw is recorded as FAILED",
                List.of(new FieldError(field, message)));
    }

    private static Map<String, String> committedParameters(DrawSpec spec, DrawRecord draw, int poolSize) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("mode", spec.mode());
        parameters.put("minimumCount", Long.toString(spec.minimumCount()));
        parameters.put("strata", json(spec.strata()));
        parameters.put("sampleSize", Long.toString(spec.sampleSize()));
        parameters.put("control", spec.controlCount() == 0 || spec.controlStrata().isEmpty() ? "none"
                : json(Map.of("count", spec.controlCount(), "strata", spec.controlStrata())));
        parameters.put("groupSize", Integer.toString(spec.groupSize()));
        parameters.put("workloadCap", Integer.toString(spec.workloadCap()));
        parameters.put("priorWorkload", json(spec.priorWorkload()));
        parameters.put("inspectorPoolSize", Integer.toString(poolSize));
        parameters.put("batches", json(spec.batches()));
        parameters.put("batchStart", String.valueOf(spec.batchStart()));
        parameters.put("batchEnd", String.valueOf(spec.batchEnd()));
        parameters.put("matterCodes", json(spec.matterCodes()));
        parameters.put("exclusionWindowDays", Integer.toString(spec.windowDays()));
        parameters.put("annualCap", Integer.toString(spec.annualCap()));
        parameters.put("annualCapWithoutViolation", String.valueOf(spec.annualCapWithoutViolation()));
        parameters.put("annualCapDepartment", draw.department);
        parameters.put("planVersion", Integer.toString(draw.planVersion));
        parameters.put("entropySource", draw.entropySource == null ? "" : draw.entropySource);
        if (spec.rfc3797()) {
            parameters.put("sources", json(spec.sources()));
        }
        return parameters;
    }

    DrawView view(DrawRecord draw) {
        DrawSpec spec = DrawStore.read(draw.specification, DrawSpec.class);
        boolean revealed = draw.witnessEntropy != null;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/draws/" + draw.id);
        links.put("population", "/api/v1/draws/" + draw.id + "/population");
        if (draw.proof != null) {
            links.put("proof", "/api/v1/draws/" + draw.id + "/proof");
            // Manual changes of groups (调整执法人员) are published beside the proof, never inside it.
            links.put("adjustments", "/api/v1/draws/" + draw.id + "/adjustments");
        }
        return new DrawView(draw.id, draw.status, draw.planId, draw.planVersion, draw.planYear, draw.taskId, draw.batch,
                spec.batchStart(), spec.batchEnd(), draw.matterCode, draw.matterVersion, spec.matterCodes(), draw.region,
                draw.department, draw.algorithm, spec.mode(), draw.populationSize, draw.populationDigest,
                draw.commitment, spec.strata(), spec.sampleSize(), read(draw.exclusions, COUNTS),
                read(draw.inspectorPool, POOL).size(), draw.entropySource, spec.sources(), draw.witnessEntropy,
                draw.witness, revealed ? draw.secret : null, draw.selectionDigest, draw.selectedCount,
                draw.batchOrder == null ? List.of() : read(draw.batchOrder, LABELS), draw.failure, draw.cancelReason,
                draw.committedBy, draw.committedAt, draw.executedBy, draw.completedAt, draw.cancelledBy,
                draw.cancelledAt, links);
    }

    /** A percentage as the exact fraction the algorithm takes (5 → 0.05). */
    static BigDecimal fraction(BigDecimal percent) {
        BigDecimal f = percent.movePointLeft(2).stripTrailingZeros();
        return f.scale() < 0 ? f.setScale(0) : f;
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static String json(Object value) {
        return DrawStore.json(value);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored draw data is unreadable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
