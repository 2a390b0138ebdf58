package io.suiji.publication.openinfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.sampling.PlanPublished;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;

/**
 * Keeps the latest published version of each annual plan and each catalogue matter for the public
 * site, once per event (inbox). An older version arriving late never replaces a newer one.
 */
@ApplicationScoped
public class OpenInfoProjection {

    static final String PLANS = "publication.public-plans";
    static final String MATTERS = "publication.public-matters";

    private final Inbox inbox;
    private final EntityManager em;

    @Inject
    public OpenInfoProjection(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Transactional
    public void applyPlan(EventEnvelope event) {
        if (!"io.suiji.sampling.PlanPublished.v1".equals(event.type())) {
            throw new PoisonMessageException("unexpected event type " + event.type() + " on sampling.plans");
        }
        PlanPublished plan = event.payload(PlanPublished.class);
        if (plan.planId() == null || plan.region() == null || plan.publishedAt() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no plan id, region or publication time");
        }
        if (!inbox.firstDelivery(PLANS, event.id())) {
            return;
        }
        em.createNativeQuery("""
                        insert into public_plan (plan_id, year, department, region, version, amendment_note, published_at, plan)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))
                        on conflict (plan_id) do update set year = excluded.year, department = excluded.department,
                            region = excluded.region, version = excluded.version, amendment_note = excluded.amendment_note,
                            published_at = excluded.published_at, plan = excluded.plan
                        where public_plan.version < excluded.version""")
                .setParameter(1, plan.planId()).setParameter(2, plan.year()).setParameter(3, plan.department())
                .setParameter(4, plan.region()).setParameter(5, plan.version()).setParameter(6, plan.amendmentNote())
                .setParameter(7, plan.publishedAt().atOffset(ZoneOffset.UTC))
                .setParameter(8, json(plan))
                .executeUpdate();
    }

    @Transactional
    public void applyMatter(EventEnvelope event) {
        MatterState matter = switch (event.type()) {
            case "io.suiji.catalog.MatterPublished.v1" -> event.payload(MatterPublished.class).matter();
            case "io.suiji.catalog.MatterRevised.v1" -> event.payload(MatterRevised.class).matter();
            case "io.suiji.catalog.MatterRetired.v1" -> event.payload(MatterRetired.class).matter();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on catalog.matters");
        };
        if (matter == null || matter.code() == null || matter.name() == null || matter.status() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no matter code, name or status");
        }
        if (!inbox.firstDelivery(MATTERS, event.id())) {
            return;
        }
        em.createNativeQuery("""
                        insert into public_matter (code, version, display_order, name, status, matter)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))
                        on conflict (code) do update set version = excluded.version, display_order = excluded.display_order,
                            name = excluded.name, status = excluded.status, matter = excluded.matter
                        where public_matter.version <= excluded.version""")
                .setParameter(1, matter.code()).setParameter(2, matter.version()).setParameter(3, matter.displayOrder())
                .setParameter(4, matter.name()).setParameter(5, matter.status().name()).setParameter(6, json(matter))
                .executeUpdate();
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
