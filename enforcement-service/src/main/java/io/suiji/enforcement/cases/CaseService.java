package io.suiji.enforcement.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.enforcement.CaseClosed;
import io.suiji.contracts.enforcement.CaseOpened;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Clock;
import io.suiji.enforcement.assignment.InspectionRules;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Targeted cases (投诉举报、转办交办): opened by staff with the inspectors they choose, closed with
 * an outcome. {@code CaseOpened} / {@code CaseClosed} tell sampling to exclude the target from random
 * draws meanwhile; closing also emits {@code InspectionClosed}, as for a drawn inspection.
 */
@ApplicationScoped
public class CaseService {

    static final String MANUAL = "MANUAL";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Outbox outbox;
    private final AuditLog audit;

    @Inject
    public CaseService(EntityManager em, Outbox outbox, AuditLog audit) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public CaseView open(Caller caller, CaseRequests.Open request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        if (request.source() == null) {
            errors.add(new FieldError("source", "is required (COMPLAINT, REFERRAL or TRANSFER)"));
        }
        if (blank(request.sourceReference())) {
            errors.add(new FieldError("sourceReference", "is required (e.g. the complaint's registration number)"));
        }
        if (blank(request.entityId())) {
            errors.add(new FieldError("entityId", "is required"));
        }
        if (request.region() == null || !request.region().matches("\\d{6}")) {
            errors.add(new FieldError("region", "must be a 6-digit GB/T 2260 division code"));
        }
        List<String> inspectors = request.inspectorIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(request.inspectorIds().stream()
                        .filter(i -> !blank(i)).map(String::strip).toList()));
        if (inspectors.size() < 2) {
            errors.add(new FieldError("inspectorIds", "an inspection needs at least two different inspectors (三(三))"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!caller.covers(request.region())) {
            throw Caller.forbidden("region " + request.region() + " is outside your region " + caller.region());
        }
        TargetedCase c = new TargetedCase();
        c.id = UUID.randomUUID();
        c.source = request.source().name();
        c.sourceReference = request.sourceReference().strip();
        c.entityId = request.entityId().strip();
        c.entityRegion = request.region();
        c.matterCode = blank(request.matterCode()) ? null : request.matterCode().strip();
        c.department = caller.department();
        c.inspectorIds = json(inspectors);
        c.assignedBy = caller.name();
        c.status = "OPEN";
        c.openedOn = Clock.today();
        c.createdAt = OffsetDateTime.now();
        c.persist();
        outbox.publish(new CaseOpened(c.id.toString(), c.entityId, c.matterCode, request.source(), c.sourceReference,
                c.openedOn));
        CaseView opened = view(c);
        audit.append("case.opened", "case", c.id, null, opened);
        return opened;
    }

    @Transactional
    public CaseView get(Caller caller, UUID id) {
        TargetedCase c = TargetedCase.findById(id);
        if (c == null || !visible(caller, c)) {
            throw ProblemException.notFound("case", id);
        }
        return view(c);
    }

    @Transactional
    public List<CaseView> list(Caller caller, String status) {
        List<TargetedCase> cases;
        if (caller.staff()) {
            cases = TargetedCase.list("entityRegion like ?1 order by openedOn desc", caller.regionPrefix() + "%");
        } else {
            @SuppressWarnings("unchecked")
            List<TargetedCase> mine = em.createNativeQuery("""
                            select * from targeted_case
                            where cast(inspector_ids as jsonb) @> jsonb_build_array(cast(?1 as text))
                            order by opened_on desc""", TargetedCase.class)
                    .setParameter(1, caller.name()).getResultList();
            cases = mine;
        }
        return cases.stream().filter(c -> status == null || status.isBlank() || c.status.equalsIgnoreCase(status))
                .map(CaseService::view).toList();
    }

    /** An assigned inspector, or staff of the region, closes the case with its outcome. */
    @Transactional
    public CaseView close(Caller caller, UUID id, CaseRequests.Close request) {
        TargetedCase c = em.find(TargetedCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !visible(caller, c)) {
            throw ProblemException.notFound("case", id);
        }
        if (!"OPEN".equals(c.status)) {
            throw ProblemException.conflict("case-closed", "case " + id + " is already closed");
        }
        Outcome outcome = request == null ? null : request.outcome();
        Penalty penalty = request == null ? null : request.penalty();
        List<FieldError> errors = InspectionRules.outcomeErrors(outcome, penalty);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CaseView before = view(c);
        c.status = "CLOSED";
        c.outcome = outcome.name();
        c.penaltyDecisionNumber = penalty == null ? null : penalty.decisionNumber().strip();
        c.penaltyAmount = penalty == null ? null : penalty.amount();
        c.penaltyLegalBasis = penalty == null ? null : penalty.legalBasis().strip();
        c.outcomeNotes = request.notes();
        c.closedBy = caller.name();
        c.closedOn = Clock.today();
        outbox.publish(new CaseClosed(c.id.toString(), c.entityId, c.closedOn, outcome));
        outbox.publish(new InspectionClosed("case-" + c.id, null, null, c.id.toString(), null, null, c.entityId,
                c.entityRegion, c.matterCode, outcome, penalty(c), names(c), c.openedOn, c.closedOn, c.department));
        CaseView closed = view(c);
        audit.append("case.closed", "case", c.id, before, closed);
        return closed;
    }

    private static boolean visible(Caller caller, TargetedCase c) {
        return caller.covers(c.entityRegion) || (caller.inspector() && names(c).contains(caller.name()));
    }

    static CaseView view(TargetedCase c) {
        CaseSource source = CaseSource.valueOf(c.source);
        Outcome outcome = c.outcome == null ? null : Outcome.valueOf(c.outcome);
        return new CaseView(c.id, source, source.label(), c.sourceReference, c.entityId, c.entityRegion, c.matterCode,
                c.department, names(c), MANUAL, c.assignedBy, c.status, c.openedOn, outcome,
                outcome == null ? null : outcome.label(), penalty(c), c.outcomeNotes, c.closedBy, c.closedOn);
    }

    private static Penalty penalty(TargetedCase c) {
        return c.penaltyDecisionNumber == null ? null
                : new Penalty(c.penaltyDecisionNumber, c.penaltyAmount, c.penaltyLegalBasis);
    }

    private static List<String> names(TargetedCase c) {
        try {
            return EventJson.mapper().readValue(c.inspectorIds, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(List<String> names) {
        try {
            return EventJson.mapper().writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
