package io.suiji.enforcement.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.panache.common.Page;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.CaseClosed;
import io.suiji.contracts.enforcement.CaseOpened;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Clock;
import io.suiji.enforcement.entity.EntityRegions;
import io.suiji.enforcement.matter.CheckItems;
import io.suiji.enforcement.matter.MatterItems;
import io.suiji.enforcement.record.CheckItem;
import io.suiji.enforcement.record.Finding;
import io.suiji.enforcement.record.InspectionRecord;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Targeted cases (投诉举报、转办交办): opened by staff with the inspectors they choose, then recorded
 * and closed as a drawn inspection is (the shared {@link InspectionRecord}): findings per check item
 * of the matter's current version, method, dates, outcome, and every assigned inspector's
 * confirmation. {@code CaseOpened} / {@code CaseClosed} tell sampling to exclude the target from
 * random draws meanwhile; closing also emits {@code InspectionClosed}, as for a drawn inspection.
 */
@ApplicationScoped
public class CaseService {

    static final String MANUAL = "MANUAL";
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
    public static final int MAX_PAGE = 1000;
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, OffsetDateTime>> CONFIRMATIONS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Outbox outbox;
    private final AuditLog audit;
    private final CheckItems matters;
    private final EntityRegions entities;

    @Inject
    public CaseService(EntityManager em, Outbox outbox, AuditLog audit, CheckItems matters, EntityRegions entities) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.matters = matters;
        this.entities = entities;
    }

    @Transactional
    public CaseView open(Caller caller, CaseRequests.Open request) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.source() == null) {
            errors.add(new FieldError("source", "is required (COMPLAINT, REFERRAL or TRANSFER)"));
        }
        if (blank(request.sourceReference())) {
            errors.add(new FieldError("sourceReference", "is required (e.g. the complaint's registration number)"));
        }
        Optional<String> registered = Optional.empty();
        if (blank(request.entityId())) {
            errors.add(new FieldError("entityId", "is required"));
        } else if (!isUuid(request.entityId().strip())) {
            errors.add(new FieldError("entityId", "must be the registry's id of the target (a UUID)"));
        } else {
            registered = entities.regionOf(UUID.fromString(request.entityId().strip()).toString());
        }
        String sent = blank(request.region()) ? null : request.region().strip();
        if (sent != null && !sent.matches("\\d{6}")) {
            errors.add(new FieldError("region", "must be a 6-digit GB/T 2260 division code"));
        } else if (sent == null && registered.isEmpty()) {
            errors.add(new FieldError("region", "is required (a 6-digit GB/T 2260 division code) when the registry "
                    + "(名录库) does not know the target"));
        }
        Optional<MatterItems> matter = blank(request.matterCode()) ? Optional.empty()
                : matters.current(request.matterCode().strip());
        if (!blank(request.matterCode()) && matter.isEmpty()) {
            errors.add(new FieldError("matterCode", "is not a matter of the catalogue (抽查事项清单)"));
        }
        List<String> inspectors = request.inspectorIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(request.inspectorIds().stream()
                        .filter(i -> !blank(i)).map(String::strip).toList()));
        if (inspectors.size() < 2) {
            errors.add(new FieldError("inspectorIds", "an inspection needs at least two different inspectors (三(三))"));
        }
        refuse(errors);
        String entityId = UUID.fromString(request.entityId().strip()).toString();
        String region = registeredRegion(caller, entityId, registered, sent);
        TargetedCase c = new TargetedCase();
        c.id = UUID.randomUUID();
        c.source = request.source().name();
        c.sourceReference = request.sourceReference().strip();
        c.entityId = entityId;
        c.entityRegion = region;
        c.matterCode = matter.map(MatterItems::code).orElse(null);
        c.matterVersion = matter.map(MatterItems::version).orElse(null);
        c.checkItems = matter.filter(m -> !m.texts().isEmpty())
                .map(m -> json(CheckItems.numbers(m.texts().size()))).orElse(null);
        c.department = caller.department();
        c.inspectorIds = json(inspectors);
        c.assignedBy = caller.name();
        c.status = OPEN;
        c.openedOn = Clock.today();
        c.createdAt = OffsetDateTime.now();
        c.findings = json(Map.of());
        c.confirmations = json(Map.of());
        c.persist();
        outbox.publish(new CaseOpened(c.id.toString(), c.entityId, c.matterCode, request.source(), c.sourceReference,
                c.openedOn));
        CaseView opened = view(c);
        audit.append("case.opened", "case", c.id, null, opened);
        return opened;
    }

    /**
     * The case's region: the registry's when it knows the target (a county may not open a case on
     * another county's target: 404, its existence is not leaked; a region sent that disagrees: 422),
     * else the one sent, which must be the caller's (403).
     */
    private static String registeredRegion(Caller caller, String entityId, Optional<String> registered, String sent) {
        if (registered.isPresent()) {
            if (!caller.covers(registered.get())) {
                throw ProblemException.notFound("entity", entityId);
            }
            if (sent != null && !sent.equals(registered.get())) {
                throw ProblemException.invalid("region", "the registry (名录库) places entity " + entityId + " in "
                        + registered.get() + ", not " + sent);
            }
            return registered.get();
        }
        if (!caller.covers(sent)) {
            throw Caller.forbidden("region " + sent + " is outside your region " + caller.region());
        }
        return sent;
    }

    @Transactional
    public CaseView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    /** The case if the caller may read it (an assigned inspector, or staff covering its region); else 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TargetedCase visible(Caller caller, UUID id) {
        TargetedCase c = TargetedCase.findById(id);
        if (c == null || !visible(caller, c)) {
            throw ProblemException.notFound("case", id);
        }
        return c;
    }

    /** Staff: their region's cases; inspectors: those they are assigned to. Newest first, one page ({@code page} from 0). */
    @Transactional
    public List<CaseView> list(Caller caller, String status, int page, int size) {
        String wanted = status == null || status.isBlank() ? null : parseStatus(status);
        List<TargetedCase> cases;
        if (caller.staff()) {
            cases = (wanted == null
                    ? TargetedCase.<TargetedCase>find("entityRegion like ?1 order by openedOn desc, createdAt desc, id",
                            caller.regionPrefix() + "%")
                    : TargetedCase.<TargetedCase>find("entityRegion like ?1 and status = ?2 "
                            + "order by openedOn desc, createdAt desc, id", caller.regionPrefix() + "%", wanted))
                    .page(Page.of(page, size)).list();
        } else {
            @SuppressWarnings("unchecked")
            List<TargetedCase> mine = em.createNativeQuery("""
                            select * from targeted_case
                            where cast(inspector_ids as jsonb) @> jsonb_build_array(cast(?1 as text))
                              and (cast(?2 as text) is null or status = ?2)
                            order by opened_on desc, created_at desc, id""", TargetedCase.class)
                    .setParameter(1, caller.name()).setParameter(2, wanted)
                    .setFirstResult(page * size).setMaxResults(size).getResultList();
            cases = mine;
        }
        // A page holds few matter versions: each is read once.
        Map<String, MatterItems> versions = new HashMap<>();
        return cases.stream().map(c -> view(c, versions.computeIfAbsent(c.matterCode + "/" + c.matterVersion,
                key -> matterOf(c)))).toList();
    }

    /**
     * 开始检查: an assigned inspector records the start, today, as for an assignment; starting again
     * changes nothing. The inspection notice (亮码检查) is issued from then on.
     */
    @Transactional
    public CaseView start(Caller caller, UUID id) {
        TargetedCase c = writable(caller, id);
        if (c.startedOn != null) {
            return view(c);
        }
        CaseView before = view(c);
        c.startedBy = caller.name();
        c.startedOn = Clock.today();
        return audited("case.started", before, c);
    }

    @Transactional
    public CaseView recordFindings(Caller caller, UUID id, RecordRequests.Findings request) {
        return change(caller, id, "case.findings-recorded", r -> r.withFindings(request == null ? null : request.method(),
                request == null ? null : request.findings(), request == null ? null : request.inspectedOn(),
                Clock.today()));
    }

    @Transactional
    public CaseView recordOutcome(Caller caller, UUID id, RecordRequests.OutcomeRecord request) {
        return change(caller, id, "case.outcome-recorded", r -> r.withOutcome(request == null ? null : request.outcome(),
                request == null ? null : request.penalty(), request == null ? null : request.notes(),
                request == null ? null : request.concludedOn(), Clock.today()));
    }

    /**
     * One assigned inspector confirms the record as it stands (422 listing what it lacks); the last
     * confirmation closes the case and emits {@code CaseClosed} and {@code InspectionClosed}.
     */
    @Transactional
    public CaseView confirm(Caller caller, UUID id) {
        TargetedCase c = writable(caller, id);
        CaseView before = view(c);
        InspectionRecord confirmed = record(c, matterOf(c)).confirmedBy(caller.name(), OffsetDateTime.now());
        store(c, confirmed);
        if (!confirmed.confirmedByAll()) {
            return audited("case.confirmed", before, c);
        }
        return closed(caller, c, confirmed, before);
    }

    /**
     * Findings and outcome at once, with the sender's confirmation if asked; closes the case when that
     * was the last one missing.
     */
    @Transactional
    public CaseView submit(Caller caller, UUID id, RecordRequests.Submission request) {
        TargetedCase c = writable(caller, id);
        CaseView before = view(c);
        RecordRequests.Submission submission = RecordRequests.Submission.orNothing(request);
        InspectionRecord changed = submission.applyTo(record(c, matterOf(c)), caller.name(), Clock.today(),
                OffsetDateTime.now());
        store(c, changed);
        started(c, caller, changed.inspectedOn());
        if (changed.confirmedByAll()) {
            return closed(caller, c, changed, before);
        }
        return audited(submission.confirm() ? "case.recorded-and-confirmed" : "case.recorded", before, c);
    }

    private CaseView closed(Caller caller, TargetedCase c, InspectionRecord confirmed, CaseView before) {
        c.status = CLOSED;
        c.closedBy = caller.name();
        c.closedOn = confirmed.closedOn(Clock.today());
        outbox.publish(new CaseClosed(c.id.toString(), c.entityId, c.closedOn, confirmed.outcome()));
        outbox.publish(new InspectionClosed("case-" + c.id, null, null, c.id.toString(), null, null, c.entityId,
                c.entityRegion, c.matterCode, confirmed.outcome(), confirmed.penalty(), confirmed.group(),
                confirmed.inspectedOn() != null ? confirmed.inspectedOn() : c.openedOn, c.closedOn, c.department));
        return audited("case.closed", before, c);
    }

    private CaseView change(Caller caller, UUID id, String action, UnaryOperator<InspectionRecord> change) {
        TargetedCase c = writable(caller, id);
        CaseView before = view(c);
        InspectionRecord changed = change.apply(record(c, matterOf(c)));
        store(c, changed);
        started(c, caller, changed.inspectedOn());
        return audited(action, before, c);
    }

    /**
     * As for an assignment: recording starts a case not started yet, and once the record gives an
     * inspection date, that is the day the inspection started.
     */
    private static void started(TargetedCase c, Caller caller, LocalDate inspectedOn) {
        if (c.startedOn == null) {
            c.startedBy = caller.name();
            c.startedOn = Clock.today();
        }
        if (inspectedOn != null) {
            c.startedOn = inspectedOn;
        }
    }

    private CaseView audited(String action, CaseView before, TargetedCase c) {
        CaseView after = view(c);
        audit.append(action, "case", c.id, before, after);
        return after;
    }

    /**
     * The case, locked, if the caller is one of its inspectors. Staff who may see it are told they
     * cannot write it (403); everyone else learns nothing of its existence (404). Closed: 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TargetedCase writable(Caller caller, UUID id) {
        TargetedCase c = em.find(TargetedCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("case", id);
        }
        if (!(caller.inspector() && inspectorIds(c).contains(caller.name()))) {
            if (caller.covers(c.entityRegion)) {
                throw Caller.forbidden("only the inspectors assigned to case " + id + " record its inspection");
            }
            throw ProblemException.notFound("case", id);
        }
        if (!OPEN.equals(c.status)) {
            throw ProblemException.conflict("case-closed", "case " + id + " is already closed");
        }
        return c;
    }

    private static boolean visible(Caller caller, TargetedCase c) {
        return caller.covers(c.entityRegion) || (caller.inspector() && inspectorIds(c).contains(caller.name()));
    }

    private MatterItems matterOf(TargetedCase c) {
        if (c.matterCode == null || c.matterVersion == null) {
            return new MatterItems(null, 0, List.of(), List.of());
        }
        return matters.version(c.matterCode, c.matterVersion).orElse(MatterItems.unknown(c.matterCode, c.matterVersion));
    }

    private static InspectionRecord record(TargetedCase c, MatterItems matter) {
        Map<String, OffsetDateTime> given = Optional.ofNullable(read(c.confirmations, CONFIRMATIONS)).orElse(new LinkedHashMap<>());
        Map<String, OffsetDateTime> confirmations = new LinkedHashMap<>();
        inspectorIds(c).forEach(member -> confirmations.put(member, given.get(member)));
        return new InspectionRecord(read(c.checkItems, NAMES), matter.methods(), c.openedOn,
                c.method == null ? null : InspectionMethod.valueOf(c.method), read(c.findings, FINDINGS),
                c.inspectedOn, c.outcome == null ? null : Outcome.valueOf(c.outcome), penalty(c), c.outcomeNotes,
                c.concludedOn, confirmations);
    }

    private static void store(TargetedCase c, InspectionRecord r) {
        c.method = r.method() == null ? null : r.method().name();
        c.findings = json(r.findings());
        c.inspectedOn = r.inspectedOn();
        c.outcome = r.outcome() == null ? null : r.outcome().name();
        c.penaltyDecisionNumber = r.penalty() == null ? null : r.penalty().decisionNumber();
        c.penaltyAmount = r.penalty() == null ? null : r.penalty().amount();
        c.penaltyLegalBasis = r.penalty() == null ? null : r.penalty().legalBasis();
        c.outcomeNotes = r.outcomeNotes();
        c.concludedOn = r.concludedOn();
        Map<String, OffsetDateTime> confirmed = new LinkedHashMap<>();
        r.confirmations().forEach((member, at) -> {
            if (at != null) {
                confirmed.put(member, at);
            }
        });
        c.confirmations = json(confirmed);
    }

    private CaseView view(TargetedCase c) {
        return view(c, matterOf(c));
    }

    private static CaseView view(TargetedCase c, MatterItems matter) {
        CaseSource source = CaseSource.valueOf(c.source);
        InspectionRecord r = record(c, matter);
        Outcome outcome = r.outcome();
        return new CaseView(c.id, source, source.label(), c.sourceReference, c.entityId, c.entityRegion, c.matterCode,
                c.matterVersion, c.department, inspectorIds(c), r.members(), MANUAL, c.assignedBy, c.status, c.openedOn,
                c.startedBy, c.startedOn, r.checkItems(), CheckItem.of(r.checkItems(), matter.texts()), matter.methods(), r.method(),
                r.findings(), r.unanswered(), r.inspectedOn(), outcome, outcome == null ? null : outcome.label(),
                r.penalty(), c.outcomeNotes, c.concludedOn, c.closedBy, c.closedOn);
    }

    private static Penalty penalty(TargetedCase c) {
        return c.penaltyDecisionNumber == null ? null
                : new Penalty(c.penaltyDecisionNumber, c.penaltyAmount, c.penaltyLegalBasis);
    }

    /** The assigned inspectors, in the order they were assigned. */
    public static List<String> inspectorIds(TargetedCase c) {
        return read(c.inspectorIds, NAMES);
    }

    private static String parseStatus(String status) {
        String wanted = status.strip().toUpperCase();
        if (!OPEN.equals(wanted) && !CLOSED.equals(wanted)) {
            throw ProblemException.badParameter("status", "must be one of [OPEN, CLOSED]");
        }
        return wanted;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
