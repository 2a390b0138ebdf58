package io.suiji.sampling.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.sampling.PlanPublished;
import io.suiji.contracts.sampling.PlanTask;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.RegionScope;
import io.suiji.sampling.Actor;
import io.suiji.sampling.plan.PlanContent.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Drafting, publishing and amending annual plans. A published version is never edited: a change is
 * a new published version with its reason, announced by {@code PlanPublished} like the first.
 */
@ApplicationScoped
public class PlanService {

    private final MatterCatalog catalog;
    private final Outbox outbox;
    private final AuditLog audit;

    @Inject
    public PlanService(MatterCatalog catalog, Outbox outbox, AuditLog audit) {
        this.catalog = catalog;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public PlanView create(PlanRequest request, Actor actor) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.status = Plan.DRAFT;
        plan.createdBy = actor.name();
        plan.createdAt = now();
        fill(plan, request, actor);
        plan.persist();
        return audited("plan.drafted", null, view(plan));
    }

    @Transactional
    public PlanView update(UUID id, PlanRequest request, Actor actor) {
        Plan plan = writable(id, actor);
        if (!Plan.DRAFT.equals(plan.status)) {
            throw ProblemException.conflict("plan-published", "plan " + id + " is published (version "
                    + plan.publishedVersion + "); it changes only by a published amendment: POST /api/v1/plans/" + id
                    + "/amendments");
        }
        PlanView before = view(plan);
        fill(plan, request, actor);
        return audited("plan.draft-edited", before, view(plan));
    }

    @Transactional
    public PlanView publish(UUID id, Actor actor) {
        Plan plan = writable(id, actor);
        if (!Plan.DRAFT.equals(plan.status)) {
            throw ProblemException.conflict("plan-already-published", "plan " + id + " is already published (version "
                    + plan.publishedVersion + "); amend it instead");
        }
        PlanView before = view(plan);
        PlanContent content = read(plan.draft);
        publishVersion(plan, content, null, actor);
        plan.draft = null;
        plan.status = Plan.PUBLISHED;
        return audited("plan.published", before, view(plan));
    }

    @Transactional
    public PlanView amend(UUID id, AmendmentRequest request, Actor actor) {
        Plan plan = writable(id, actor);
        if (!Plan.PUBLISHED.equals(plan.status)) {
            throw ProblemException.conflict("plan-not-published", "plan " + id
                    + " is a draft; edit it with PUT until it is published");
        }
        if (request == null || request.note() == null || request.note().isBlank()) {
            throw ProblemException.invalid("note", "an amendment states its reason");
        }
        PlanView before = view(plan);
        PlanContent current = read(latest(plan).content);
        PlanContent content = PlanRules.normalize(new PlanContent(
                request.title() != null ? request.title() : current.title(),
                request.tasks() != null ? request.tasks() : current.tasks()));
        publishVersion(plan, content, request.note(), actor);
        return audited("plan.amended", before, view(plan));
    }

    private PlanView audited(String action, PlanView before, PlanView after) {
        audit.append(action, "plan", after.id(), before, after);
        return after;
    }

    /** The largest page of a list. */
    public static final int MAX_PAGE = 1000;

    /**
     * One page ({@code page} from 0) of the published plans and the drafts a staff viewer's region
     * covers, by year and creation.
     */
    public List<PlanView> list(Integer year, Optional<Actor> viewer, int page, int size) {
        StringBuilder query = new StringBuilder("(status = :published");
        Parameters parameters = Parameters.with("published", Plan.PUBLISHED);
        Optional<RegionScope> scope = viewer.flatMap(Actor::scope);
        if (scope.isPresent()) {
            query.append(" or region like :prefix");
            parameters.and("prefix", scope.get().prefix() + "%");
        }
        query.append(')');
        if (year != null) {
            query.append(" and year = :year");
            parameters.and("year", year);
        }
        List<Plan> plans = Plan.<Plan>find(query.toString(), Sort.by("year").and("createdAt").and("id"), parameters)
                .page(page, size).list();
        return plans.stream().map(this::view).toList();
    }

    public PlanView get(UUID id, Optional<Actor> viewer) {
        Plan plan = Plan.findById(id);
        if (plan == null || !visible(plan, viewer)) {
            throw ProblemException.notFound("plan", id);
        }
        return view(plan);
    }

    public PlanView version(UUID id, int version) {
        Plan plan = Plan.findById(id);
        PlanVersion published = plan == null ? null : PlanVersion.of(id, version).orElse(null);
        if (published == null) {
            throw ProblemException.notFound("published version " + version + " of plan", id);
        }
        return view(plan, published);
    }

    /** The latest published version of a plan (for draws). */
    public static PlanVersion latest(Plan plan) {
        return PlanVersion.of(plan.id, plan.publishedVersion)
                .orElseThrow(() -> new IllegalStateException("plan " + plan.id + " has no published version"));
    }

    public static PlanContent read(String json) {
        try {
            return EventJson.mapper().readValue(json, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is unreadable", e);
        }
    }

    private void fill(Plan plan, PlanRequest request, Actor actor) {
        if (request == null) {
            throw ProblemException.invalid("body", "a plan is required");
        }
        String department = request.department() != null ? request.department() : actor.department();
        String region = request.region() != null ? request.region() : actor.region();
        PlanContent content = PlanRules.normalize(new PlanContent(request.title(), request.tasks()));
        List<FieldError> errors = new ArrayList<>();
        if (request.year() == null) {
            errors.add(new FieldError("year", "must not be null"));
        }
        if (department == null || department.isBlank()) {
            errors.add(new FieldError("department", "must not be blank (and your token names no department)"));
        }
        errors.addAll(PlanRules.validate(request.year() == null ? 2000 : request.year(), region, content,
                catalog.rules(codes(content)), false));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        actor.requireWriterFor(region, department);
        plan.year = request.year();
        plan.title = content.title();
        plan.department = department;
        plan.region = region;
        plan.draft = write(content);
        plan.updatedAt = now();
    }

    private void publishVersion(Plan plan, PlanContent content, String note, Actor actor) {
        Map<String, MatterRule> matters = catalog.rules(codes(content));
        List<FieldError> errors = PlanRules.validate(plan.year, plan.region, content, matters, true);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PlanContent resolved = PlanRules.resolve(content, matters);
        PlanVersion version = new PlanVersion();
        version.id = UUID.randomUUID();
        version.planId = plan.id;
        version.version = plan.publishedVersion + 1;
        version.content = write(resolved);
        version.amendmentNote = note;
        version.publishedBy = actor.name();
        version.publishedAt = now();
        version.persist();
        plan.publishedVersion = version.version;
        plan.title = resolved.title();
        plan.updatedAt = version.publishedAt;
        outbox.publish(new PlanPublished(plan.id.toString(), plan.year, plan.department, plan.region, version.version,
                note, resolved.tasks().stream().map(PlanService::contractTask).toList(),
                version.publishedAt.toInstant()));
    }

    private static PlanTask contractTask(Task task) {
        return new PlanTask(task.taskId(), task.name(), task.matterCodes(), task.leadDepartment(),
                task.participatingDepartments(), task.batches(), task.methods());
    }

    private Plan writable(UUID id, Actor actor) {
        Plan plan = Plan.findById(id);
        if (plan == null || (Plan.DRAFT.equals(plan.status) && !actor.covers(plan.region))) {
            throw ProblemException.notFound("plan", id);
        }
        actor.requireWriterFor(plan.region, plan.department);
        return plan;
    }

    private static boolean visible(Plan plan, Optional<Actor> viewer) {
        return Plan.PUBLISHED.equals(plan.status) || viewer.map(v -> v.covers(plan.region)).orElse(false);
    }

    private PlanView view(Plan plan) {
        if (Plan.PUBLISHED.equals(plan.status)) {
            return view(plan, latest(plan));
        }
        PlanContent content = read(plan.draft);
        return build(plan, content, 0, null, null, null);
    }

    private PlanView view(Plan plan, PlanVersion version) {
        return build(plan, read(version.content), version.version, version.amendmentNote, version.publishedAt,
                version.publishedBy);
    }

    private PlanView build(Plan plan, PlanContent content, int version, String note, OffsetDateTime publishedAt,
                           String publishedBy) {
        Map<String, MatterRule> matters = catalog.rules(codes(content));
        List<PlanView.TaskView> tasks = new ArrayList<>();
        for (Task task : content.tasks()) {
            boolean key = task.matterCodes().stream().map(matters::get)
                    .anyMatch(m -> m != null && m.category() == MatterCategory.KEY);
            tasks.add(new PlanView.TaskView(task, new PlanView.Effective(
                    key ? MatterCategory.KEY : MatterCategory.GENERAL, PlanRules.floorPercent(task, matters),
                    PlanRules.floorCount(task, matters), PlanRules.effectiveRatios(task, matters),
                    List.copyOf(PlanRules.targetTypes(task, matters)))));
        }
        List<Integer> versions = new ArrayList<>();
        for (int v = 1; v <= plan.publishedVersion; v++) {
            versions.add(v);
        }
        return new PlanView(plan.id, plan.year, content.title(), plan.department, plan.region, plan.status, version,
                note, publishedAt, publishedBy, plan.createdBy, tasks, PlanRules.mergeCandidates(content, matters),
                versions);
    }

    private static List<String> codes(PlanContent content) {
        List<String> codes = new ArrayList<>();
        content.tasks().forEach(task -> {
            if (task != null) {
                codes.addAll(task.matterCodes());
            }
        });
        return codes;
    }

    private static String write(PlanContent content) {
        try {
            return EventJson.mapper().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan content cannot be serialised", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
