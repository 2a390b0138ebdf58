package io.suiji.publication.disclosure;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.publication.ResultPublished;
import io.suiji.contracts.publication.SanctionKind;
import io.suiji.contracts.publication.SanctionPushed;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.ProblemException;
import io.suiji.publication.entity.EntityName;
import io.suiji.publication.publicresults.Masking;
import io.suiji.publication.webhook.WebhookDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Exemptions (不宜公开) and publication (一公开) of a disclosure, with the sanction pushes (联合惩戒). */
@ApplicationScoped
public class DisclosureService {

    /** Longest legal ground accepted, e.g. "《政府信息公开条例》第十四条、第十五条 …". */
    public static final int MAX_GROUND_LENGTH = 500;

    private final Outbox outbox;
    private final WebhookDeliveries webhooks;
    private final Clock clock;
    private final AuditLog audit;

    @Inject
    public DisclosureService(Outbox outbox, WebhookDeliveries webhooks, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Marks (or, with {@code exempt = false}, unmarks) an item 不宜公开; the legal ground is required. */
    @Transactional
    public ResultItem exempt(Disclosure disclosure, UUID itemId, boolean exempt, String legalGround, String caller) {
        Disclosure locked = Disclosure.findById(disclosure.id, LockModeType.PESSIMISTIC_WRITE);
        if (locked.published()) {
            throw ProblemException.conflict("disclosure-published",
                    "disclosure " + locked.id + " is already published; its items can no longer change");
        }
        ResultItem item = ResultItem.findById(itemId);
        if (item == null || !item.belongsTo(locked)) {
            throw ProblemException.notFound("item", itemId);
        }
        String ground = legalGround == null ? "" : legalGround.strip();
        if (exempt && ground.isEmpty()) {
            throw ProblemException.invalid("legalGround", "不宜公开须写明法律依据 (the legal ground of the exemption is required)");
        }
        if (ground.length() > MAX_GROUND_LENGTH) {
            throw ProblemException.invalid("legalGround", "at most " + MAX_GROUND_LENGTH + " characters");
        }
        var before = new Exemption(locked.id, item.exempt, item.exemptionGround);
        item.exempt = exempt;
        item.exemptionGround = exempt ? ground : null;
        item.exemptedBy = caller;
        item.exemptedAt = OffsetDateTime.now(clock);
        audit.append(exempt ? "result-item.exempted" : "result-item.exemption-lifted", "result-item", item.id, before,
                new Exemption(locked.id, item.exempt, item.exemptionGround));
        return item;
    }

    /**
     * Publishes the batch's results: {@code ResultPublished} and one {@code SanctionPushed} per
     * published item whose outcome is a sanction, in the same transaction as the state change.
     */
    @Transactional
    public Disclosure publish(UUID disclosureId, String caller) {
        Disclosure disclosure = Disclosure.findById(disclosureId, LockModeType.PESSIMISTIC_WRITE);
        if (disclosure == null) {
            throw ProblemException.notFound("disclosure", disclosureId);
        }
        if (disclosure.published()) {
            throw ProblemException.conflict("disclosure-published",
                    "disclosure " + disclosure.id + " was already published at " + disclosure.publishedAt);
        }
        var before = Publication.of(disclosure, List.of());
        Instant now = clock.instant();
        OffsetDateTime publishedAt = OffsetDateTime.ofInstant(now, Clocks.CHINA);
        List<ResultItem> items = ResultItem.of(disclosure);
        Map<String, EntityName> sanctioned = sanctionedEntities(items);
        int exempt = (int) items.stream().filter(i -> i.exempt).count();
        boolean onTime = onTime(publishedAt.toLocalDate(), disclosure.dueDate);

        disclosure.status = Disclosure.PUBLISHED;
        disclosure.publishedAt = publishedAt;
        disclosure.publishedBy = caller;
        disclosure.onTime = onTime;
        disclosure.itemCount = items.size() - exempt;
        disclosure.exemptCount = exempt;
        outbox.publish(new ResultPublished(disclosure.id.toString(), disclosure.taskId, disclosure.batch,
                disclosure.region, disclosure.department, disclosure.dueDate, now, onTime,
                disclosure.itemCount, exempt));

        List<String> pushes = new ArrayList<>();
        for (ResultItem item : items) {
            if (item.exempt) {
                continue;
            }
            item.publishedAt = publishedAt;
            Optional<SanctionKind> kind = SanctionKind.of(Outcome.valueOf(item.outcome));
            if (kind.isPresent() && SanctionPush.count("inspectionId", item.inspectionId) == 0) {
                SanctionPush push = new SanctionPush();
                push.id = UUID.randomUUID();
                push.inspectionId = item.inspectionId;
                push.disclosureId = disclosure.id;
                push.kind = kind.get().name();
                push.pushedAt = publishedAt;
                push.persist();
                EntityName entity = sanctioned.get(item.entityId);
                SanctionPushed sanction = new SanctionPushed(push.id.toString(), item.inspectionId, item.entityId,
                        entity.code, entity.naturalPerson() ? Masking.personName(entity.name) : entity.name, kind.get(),
                        item.penaltyDecisionNumber, item.penaltyAmount, item.penaltyLegalBasis, item.closedOn, now,
                        item.entityRegion);
                outbox.publish(sanction);
                webhooks.enqueue(sanction);
                pushes.add(push.id.toString());
            }
        }
        audit.append("disclosure.published", "disclosure", disclosure.id, before, Publication.of(disclosure, pushes));
        return disclosure;
    }

    /** What the audit trail keeps of an item's 不宜公开 marking. */
    record Exemption(UUID disclosure, boolean exempt, String legalGround) {
    }

    /** What the audit trail keeps of a disclosure's publication, with the sanction pushes it caused. */
    record Publication(String status, OffsetDateTime publishedAt, Boolean onTime, Integer itemCount, Integer exemptCount,
            List<String> sanctionPushes) {
        static Publication of(Disclosure d, List<String> pushes) {
            return new Publication(d.status, d.publishedAt, d.onTime, d.itemCount, d.exemptCount, pushes);
        }
    }

    /**
     * The code and name of every entity a sanction will be pushed for: other agencies match on the
     * code (联合惩戒), so a push never goes out without it. Names arrive from registry-service's
     * events; if one has not yet, nothing is published and the caller is told to try again.
     */
    private static Map<String, EntityName> sanctionedEntities(List<ResultItem> items) {
        Map<String, EntityName> entities = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (ResultItem item : items) {
            if (!item.exempt && SanctionKind.of(Outcome.valueOf(item.outcome)).isPresent()) {
                EntityName entity = EntityName.findById(item.entityId);
                if (entity == null || blank(entity.code) || blank(entity.name)) {
                    missing.add(item.entityId);
                } else {
                    entities.put(item.entityId, entity);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("entity-names-pending", "the code and name of sanctioned "
                    + (missing.size() == 1 ? "entity " : "entities ") + String.join(", ", missing)
                    + " have not yet arrived from registry-service; nothing was published, try again shortly");
        }
        return entities;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** On time when published on or before the due date (China Standard Time). */
    static boolean onTime(LocalDate publishedOn, LocalDate dueDate) {
        return !publishedOn.isAfter(dueDate);
    }
}
