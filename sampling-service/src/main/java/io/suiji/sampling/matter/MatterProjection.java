package io.suiji.sampling.matter;

import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/** Applies catalogue events to {@link MatterView}, once each (inbox), never going back a version. */
@ApplicationScoped
public class MatterProjection {

    static final String CONSUMER = "sampling.matter-view";
    private static final Logger LOG = Logger.getLogger(MatterProjection.class);

    private final Inbox inbox;

    @Inject
    public MatterProjection(Inbox inbox) {
        this.inbox = inbox;
    }

    @Transactional
    public void apply(EventEnvelope event) {
        MatterState state = switch (event.type()) {
            case "io.suiji.catalog.MatterPublished.v1" -> event.payload(MatterPublished.class).matter();
            case "io.suiji.catalog.MatterRevised.v1" -> event.payload(MatterRevised.class).matter();
            case "io.suiji.catalog.MatterRetired.v1" -> event.payload(MatterRetired.class).matter();
            default -> throw new PoisonMessageException("unexpected event type " + event.type() + " on catalog.matters");
        };
        if (state == null || state.code() == null) {
            throw new PoisonMessageException("event " + event.id() + " carries no matter code");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("skipping duplicate delivery of %s", event.id());
            return;
        }
        MatterView view = MatterView.findById(state.code());
        if (view != null && view.version > state.version()) {
            return;
        }
        if (view == null) {
            view = new MatterView();
            view.code = state.code();
        }
        view.version = state.version();
        view.status = state.status().name();
        view.name = state.name();
        view.category = state.category().name();
        view.ratioPercent = state.ratio() == null ? null : state.ratio().percent();
        view.ratioMinimumCount = state.ratio() == null ? null : state.ratio().minimumCount();
        view.state = toJson(state);
        view.updatedAt = OffsetDateTime.now();
        view.persist();
    }

    private static String toJson(MatterState state) {
        try {
            return EventJson.mapper().writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("matter " + state.code() + " cannot be serialised", e);
        }
    }
}
