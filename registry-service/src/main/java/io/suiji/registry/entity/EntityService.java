package io.suiji.registry.entity;

import io.quarkus.panache.common.Parameters;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.RegistryConfig;
import io.suiji.registry.RegionGuard;
import io.suiji.registry.TimeOrderedIds;
import io.suiji.registry.identity.PersonalIds;
import io.suiji.registry.identity.ResidentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Registers, changes and deregisters entities; every change leaves with its full state through the outbox. */
@ApplicationScoped
public class EntityService {

    private final EntityRules rules;
    private final PersonalIds personalIds;
    private final Outbox outbox;
    private final RegistryConfig config;
    private final EntityManager em;
    private final AuditLog audit;

    @Inject
    public EntityService(EntityRules rules, PersonalIds personalIds, Outbox outbox, RegistryConfig config, EntityManager em,
            AuditLog audit) {
        this.audit = audit;
        this.rules = rules;
        this.personalIds = personalIds;
        this.outbox = outbox;
        this.config = config;
        this.em = em;
    }

    /** Validates without writing: the checked code and facts, or 422 naming every field. */
    public EntityRules.Checked validate(String rawCode, EntityFacts facts) {
        EntityRules.Checked checked = rules.check(rawCode, facts, config.today());
        if (!checked.valid()) {
            throw invalid(checked.problems());
        }
        return checked;
    }

    @Transactional
    public EntityRecord register(EntityRules.Checked checked, String by) {
        EntityRecord existing = EntityRecord.findByCode(checked.code());
        if (existing != null) {
            throw duplicate(checked);
        }
        EntityRecord e = new EntityRecord();
        e.id = TimeOrderedIds.next();
        e.code = checked.code();
        e.codeKind = checked.kind();
        protect(e, checked.residentId());
        e.apply(checked.facts());
        e.lastInspections(java.util.Map.of());
        e.inspectionsThisYear = 0;
        e.inspectionsYear = config.today().getYear();
        e.createdBy = by;
        e.createdAt = OffsetDateTime.now();
        stamp(e, by);
        persist(e, checked);
        outbox.publish(new EntityRegistered(e.state()));
        audit.append("entity.registered", "entity", e.id, null, e.state());
        return e;
    }

    /** Replaces what the registrar states; a new code (e.g. a 注册号 replaced by the unified code) is allowed. */
    @Transactional
    public EntityRecord update(UUID id, String rawCode, EntityFacts facts, String by) {
        EntityRecord e = lock(id);
        var before = e.state();
        if (e.deregisteredOn != null) {
            throw ProblemException.conflict("entity-deregistered", "entity " + id + " was deregistered on "
                    + e.deregisteredOn + "; a deregistered entity is not changed");
        }
        EntityRules.Checked checked = rules.check(rawCode, facts, config.today());
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        if (rawCode == null || rawCode.isBlank()) {
            problems.removeIf(p -> p.field().equals("code"));
            boolean person = checked.facts().person();
            if (person != (e.codeKind == CodeKind.RESIDENT_ID_HASH)) {
                problems.add(new FieldProblem("targetTypes", person
                        ? "an organisation cannot become an individual; register the person separately"
                        : "an individual cannot become an organisation; register the organisation separately"));
            }
        } else if (checked.kind() != null && (checked.kind() == CodeKind.RESIDENT_ID_HASH) != (e.codeKind == CodeKind.RESIDENT_ID_HASH)) {
            problems.add(new FieldProblem("code", "an entity cannot change between organisation and individual"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        if (checked.code() != null && !checked.code().equals(e.code)) {
            EntityRecord other = EntityRecord.findByCode(checked.code());
            if (other != null) {
                throw duplicate(checked);
            }
            e.code = checked.code();
            e.codeKind = checked.kind();
            protect(e, checked.residentId());
        }
        e.apply(checked.facts());
        stamp(e, by);
        persist(e, checked);
        outbox.publish(new EntityUpdated(e.state()));
        audit.append("entity.updated", "entity", e.id, before, e.state());
        return e;
    }

    @Transactional
    public EntityRecord deregister(UUID id, Deregistration request, String by) {
        EntityRecord e = lock(id);
        var before = e.state();
        if (e.deregisteredOn != null) {
            throw ProblemException.conflict("entity-deregistered", "entity " + id + " was already deregistered on "
                    + e.deregisteredOn);
        }
        LocalDate on = request == null || request.deregisteredOn() == null ? config.today() : request.deregisteredOn();
        List<FieldProblem> problems = EntityRules.checkDeregistration(on, e.registeredOn, config.today(), "deregisteredOn");
        String reason = request == null || request.reason() == null ? null : request.reason().strip();
        if (reason != null && reason.length() > 200) {
            problems.add(new FieldProblem("reason", "at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        e.deregisteredOn = on;
        e.deregistrationReason = reason == null || reason.isEmpty() ? null : reason;
        stamp(e, by);
        em.flush();
        outbox.publish(new EntityDeregistered(e.state()));
        audit.append("entity.deregistered", "entity", e.id, before, e.state());
        return e;
    }

    public Optional<EntityRecord> find(UUID id) {
        return Optional.ofNullable(EntityRecord.findById(id));
    }

    /** The clear ID number of an individual, for the roles that may see it. */
    public String openResidentId(EntityRecord e) {
        return e.residentIdSealed == null ? null : personalIds.open(e.residentIdSealed);
    }

    /** A page of entities in registration order, within {@code regionPrefix}. */
    public List<EntityRecord> search(EntitySearch s, String regionPrefix, long after, int size) {
        StringBuilder where = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", after);
        RegionGuard.restrict(where, params, regionPrefix);
        if (s.region() != null) {
            where.append(" and region = :region");
            params.and("region", s.region());
        }
        if (s.targetType() != null) {
            where.append(" and array_contains(targetTypes, :type)");
            params.and("type", s.targetType());
        }
        if (s.creditClass() != null) {
            where.append(" and creditClass = :credit");
            params.and("credit", s.creditClass());
        }
        if (s.codeKind() != null) {
            where.append(" and codeKind = :kind");
            params.and("kind", s.codeKind());
        }
        if (s.registered() != null) {
            where.append(s.registered() ? " and deregisteredOn is null" : " and deregisteredOn is not null");
        }
        if (s.seriousViolation() != null) {
            where.append(" and seriousViolation = :serious");
            params.and("serious", s.seriousViolation());
        }
        if (s.abnormalOperation() != null) {
            where.append(" and abnormalOperation = :abnormal");
            params.and("abnormal", s.abnormalOperation());
        }
        if (s.insured() != null) {
            where.append(" and insured = :insured");
            params.and("insured", s.insured());
        }
        if (s.minComplaints() != null) {
            where.append(" and complaintsLast12Months >= :complaints");
            params.and("complaints", s.minComplaints());
        }
        if (s.text() != null) {
            // A code (or an ID number, matched through its hash) finds the entity; other text searches names.
            where.append(" and (code in :codes or lower(name) like :name)");
            params.and("codes", codesFor(s.text()));
            params.and("name", "%" + s.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return EntityRecord.<EntityRecord>find(where + " order by seq", params).page(0, size).list();
    }

    private List<String> codesFor(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replace(" ", "");
        List<String> codes = new ArrayList<>(List.of(upper, upper.replace("-", "")));
        if (ResidentId.looksLikeOne(upper)) { // an all-digit unified code too: both are tried
            codes.add(personalIds.hash(upper));
        }
        return codes;
    }

    private EntityRecord lock(UUID id) {
        EntityRecord e = EntityRecord.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("entity", id);
        }
        return e;
    }

    private void protect(EntityRecord e, String residentId) {
        if (residentId != null) {
            e.residentIdSealed = personalIds.seal(residentId);
            e.residentIdMasked = PersonalIds.mask(residentId);
        } else {
            e.residentIdSealed = null;
            e.residentIdMasked = null;
        }
    }

    private static void stamp(EntityRecord e, String by) {
        e.updatedBy = by;
        e.updatedAt = OffsetDateTime.now();
    }

    // The unique index is the last word on duplicates (two registrars at once).
    private void persist(EntityRecord e, EntityRules.Checked checked) {
        try {
            e.persist();
            em.flush();
        } catch (PersistenceException ex) {
            if (isUniqueViolation(ex)) {
                throw duplicate(checked);
            }
            throw ex;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException duplicate(EntityRules.Checked checked) {
        String what = checked.kind() == CodeKind.RESIDENT_ID_HASH ? "an individual with this 公民身份号码"
                : "an entity with " + checked.kind().name() + " " + checked.code();
        return ProblemException.conflict("entity-exists", what + " is already registered");
    }

    static ProblemException invalid(List<FieldProblem> problems) {
        return ProblemException.invalid(problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
    }
}
