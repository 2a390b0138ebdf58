package io.suiji.enforcement.matter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.platform.inbox.EventEnvelope;
import io.suiji.platform.inbox.Inbox;
import io.suiji.platform.inbox.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The check items (检查内容) of each matter version, once per event (inbox). An assignment carries
 * the items' 1-based numbers; open assignments that arrived before their matter get them here.
 */
@ApplicationScoped
public class CheckItems {

    static final String CONSUMER = "enforcement.matter-check-items";
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<InspectionMethod>> METHODS = new TypeReference<>() {
    };

    private final Inbox inbox;
    private final EntityManager em;

    @Inject
    public CheckItems(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
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
            return;
        }
        em.createNativeQuery("""
                        insert into matter_check_items (code, version, items, methods, updated_at)
                        values (?1, ?2, cast(?3 as json), cast(?4 as json), ?5)
                        on conflict (code, version) do update set items = excluded.items, methods = excluded.methods,
                            updated_at = excluded.updated_at""")
                .setParameter(1, state.code()).setParameter(2, state.version()).setParameter(3, json(state.checkItems()))
                .setParameter(4, json(state.methods())).setParameter(5, OffsetDateTime.now()).executeUpdate();
        if (!state.checkItems().isEmpty()) {
            em.createNativeQuery("""
                            update assignment set check_items = cast(?1 as json), updated_at = now(), version = version + 1
                            where matter_code = ?2 and matter_version = ?3 and check_items is null
                              and status in ('ASSIGNED', 'IN_PROGRESS')""")
                    .setParameter(1, json(numbers(state.checkItems().size()))).setParameter(2, state.code())
                    .setParameter(3, state.version()).executeUpdate();
        }
    }

    /** A matter version's check item texts and methods, if enforcement has received it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MatterItems> version(String code, int version) {
        return one(em.createNativeQuery("""
                        select version, cast(items as text), cast(methods as text) from matter_check_items
                        where code = ?1 and version = ?2""")
                .setParameter(1, code).setParameter(2, version).getResultList(), code);
    }

    /** The matter's current version (the latest received), if enforcement knows the matter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MatterItems> current(String code) {
        return one(em.createNativeQuery("""
                        select version, cast(items as text), cast(methods as text) from matter_check_items
                        where code = ?1 order by version desc limit 1""")
                .setParameter(1, code).getResultList(), code);
    }

    private static Optional<MatterItems> one(List<?> rows, String code) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        try {
            List<String> texts = EventJson.mapper().readValue(row[1].toString(), TEXTS);
            List<InspectionMethod> methods = row[2] == null ? List.of()
                    : EventJson.mapper().readValue(row[2].toString(), METHODS);
            return Optional.of(new MatterItems(code, ((Number) row[0]).intValue(), texts, methods));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON list of item numbers an assignment of this matter version carries, if its items are known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> numbersOf(String code, int version) {
        List<?> rows = em.createNativeQuery("select cast(items as text) from matter_check_items where code = ?1 and version = ?2")
                .setParameter(1, code).setParameter(2, version).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> texts = EventJson.mapper().readValue(rows.get(0).toString(), TEXTS);
            return texts.isEmpty() ? Optional.empty() : Optional.of(json(numbers(texts.size())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 1-based numbers findings are keyed with, for {@code count} items. */
    public static List<String> numbers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList();
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
