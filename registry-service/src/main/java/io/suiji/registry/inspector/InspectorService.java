package io.suiji.registry.inspector;

import io.quarkus.panache.common.Parameters;
import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorRetired;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.RegistryConfig;
import io.suiji.registry.RegionGuard;
import io.suiji.registry.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Registers, changes and retires inspectors; every change leaves with its full state through the outbox. */
@ApplicationScoped
public class InspectorService {

    private final Outbox outbox;
    private final RegistryConfig config;
    private final EntityManager em;
    private final AuditLog audit;

    @Inject
    public InspectorService(Outbox outbox, RegistryConfig config, EntityManager em, AuditLog audit) {
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
        this.em = em;
    }

    public LocalDate today() {
        return config.today();
    }

    /** The rules, plus: every declared conflict names an entity of the registry. */
    public InspectorFacts validate(InspectorFacts facts) {
        InspectorRules.Checked checked = InspectorRules.check(facts, config.today());
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        List<ConflictDeclaration> conflicts = checked.facts().conflicts();
        for (int i = 0; i < conflicts.size(); i++) {
            String entityId = conflicts.get(i).entityId();
            if (entityId != null && InspectorRules.isUuid(entityId) && !entityExists(entityId)) {
                problems.add(new FieldProblem("conflicts[" + i + "].entityId", "no entity " + entityId + " in the registry"));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return checked.facts();
    }

    @Transactional
    public InspectorRecord register(InspectorFacts facts, String by) {
        requireFreeCertificate(facts.certificateNumber(), null);
        InspectorRecord r = new InspectorRecord();
        r.id = TimeOrderedIds.next();
        r.apply(facts);
        r.createdBy = by;
        r.createdAt = OffsetDateTime.now();
        stamp(r, by);
        persist(r);
        outbox.publish(new InspectorRegistered(r.state()));
        audit.append("inspector.registered", "inspector", r.id, null, r.state());
        return r;
    }

    @Transactional
    public InspectorRecord update(UUID id, InspectorFacts facts, String by) {
        InspectorRecord r = lock(id);
        var before = r.state();
        requireActive(r);
        requireFreeCertificate(facts.certificateNumber(), r.id);
        r.apply(facts);
        stamp(r, by);
        persist(r);
        outbox.publish(new InspectorUpdated(r.state()));
        audit.append("inspector.updated", "inspector", r.id, before, r.state());
        return r;
    }

    /** Adds one declaration (or replaces the one for the same entity). */
    @Transactional
    public InspectorRecord declareConflict(UUID id, ConflictDeclaration declaration, String by) {
        InspectorRecord r = lock(id);
        var before = r.state();
        requireActive(r);
        List<ConflictDeclaration> conflicts = new ArrayList<>(r.conflictList());
        conflicts.removeIf(c -> c.entityId().equals(declaration.entityId()));
        conflicts.add(declaration);
        InspectorFacts facts = r.facts();
        InspectorFacts changed = validate(new InspectorFacts(facts.name(), facts.certificateNumber(), facts.department(),
                facts.region(), facts.expertise(), facts.status(), facts.leaves(), conflicts));
        r.apply(changed);
        stamp(r, by);
        persist(r);
        outbox.publish(new InspectorUpdated(r.state()));
        audit.append("inspector.conflict-declared", "inspector", r.id, before, r.state());
        return r;
    }

    @Transactional
    public InspectorRecord retire(UUID id, Retirement retirement, String by) {
        InspectorRecord r = lock(id);
        var before = r.state();
        requireActive(r);
        LocalDate on = retirement == null || retirement.retiredOn() == null ? config.today() : retirement.retiredOn();
        if (on.isAfter(config.today())) {
            throw ProblemException.invalid("retiredOn", on + " is in the future; retire on the day");
        }
        String reason = retirement == null || retirement.reason() == null ? null : retirement.reason().strip();
        if (reason != null && reason.length() > 200) {
            throw ProblemException.invalid("reason", "at most 200 characters");
        }
        r.status = InspectorStatus.RETIRED;
        r.retiredOn = on;
        r.retirementReason = reason == null || reason.isEmpty() ? null : reason;
        stamp(r, by);
        persist(r);
        outbox.publish(new InspectorRetired(r.state()));
        audit.append("inspector.retired", "inspector", r.id, before, r.state());
        return r;
    }

    public Optional<InspectorRecord> find(UUID id) {
        return Optional.ofNullable(InspectorRecord.findById(id));
    }

    public List<InspectorRecord> search(InspectorSearch s, String regionPrefix, long after, int size) {
        StringBuilder where = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", after);
        RegionGuard.restrict(where, params, regionPrefix);
        if (s.region() != null) {
            where.append(" and region = :region");
            params.and("region", s.region());
        }
        if (s.department() != null) {
            where.append(" and department = :department");
            params.and("department", s.department());
        }
        if (s.status() != null) {
            where.append(" and status = :status");
            params.and("status", s.status());
        }
        if (s.expertise() != null) {
            where.append(" and array_contains(expertise, :tag)");
            params.and("tag", s.expertise());
        }
        if (s.certified() != null) {
            where.append(s.certified() ? " and certificateNumber is not null" : " and certificateNumber is null");
        }
        if (s.text() != null) {
            where.append(" and (certificateNumber = :certificate or lower(name) like :name)");
            params.and("certificate", s.text().toUpperCase(Locale.ROOT));
            params.and("name", "%" + s.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return InspectorRecord.<InspectorRecord>find(where + " order by seq", params).page(0, size).list();
    }

    private boolean entityExists(String entityId) {
        return ((Number) em.createNativeQuery("select count(*) from target_entity where id = ?1")
                .setParameter(1, UUID.fromString(entityId)).getSingleResult()).longValue() > 0;
    }

    private void requireFreeCertificate(String certificate, UUID self) {
        if (certificate == null) {
            return;
        }
        InspectorRecord holder = InspectorRecord.find("certificateNumber", certificate).firstResult();
        if (holder != null && !holder.id.equals(self)) {
            throw ProblemException.conflict("certificate-in-use", "执法证号 " + certificate + " belongs to another inspector");
        }
    }

    private static void requireActive(InspectorRecord r) {
        if (r.status == InspectorStatus.RETIRED) {
            throw ProblemException.conflict("inspector-retired", "inspector " + r.id + " retired on " + r.retiredOn);
        }
    }

    private InspectorRecord lock(UUID id) {
        InspectorRecord r = InspectorRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("inspector", id);
        }
        return r;
    }

    private static void stamp(InspectorRecord r, String by) {
        r.updatedBy = by;
        r.updatedAt = OffsetDateTime.now();
    }

    private void persist(InspectorRecord r) {
        try {
            r.persist();
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw ProblemException.conflict("certificate-in-use", "执法证号 " + r.certificateNumber
                            + " belongs to another inspector");
                }
            }
            throw e;
        }
    }

    static ProblemException invalid(List<FieldProblem> problems) {
        return ProblemException.invalid(problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
    }
}
