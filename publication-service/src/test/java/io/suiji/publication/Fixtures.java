package io.suiji.publication;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityState;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builders for the events publication consumes, and waiting for their effect. */
public final class Fixtures {

    public static final String COUNTY = "410402";
    public static final String DEPARTMENT = "劳动保障监察局（支队）";
    public static final String INSPECTIONS = "enforcement.inspections";

    private Fixtures() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static TaskCompleted completed(String taskId, LocalDate on) {
        return new TaskCompleted(taskId, 1, "D-" + taskId, COUNTY, DEPARTMENT, 3, on);
    }

    public static InspectionClosed closed(String taskId, String entityId, Outcome outcome, LocalDate on) {
        Penalty penalty = outcome == Outcome.ADMINISTRATIVE_PENALTY
                ? new Penalty("平人社监罚〔2020〕" + entityId.hashCode() % 100 + "号", new BigDecimal("5000.00"),
                        "《劳动保障监察条例》第二十六条")
                : null;
        return new InspectionClosed(id("I"), id("A"), "D-" + taskId, null, taskId, 1, entityId, COUNTY, "PDS-RS-01",
                outcome, penalty, List.of("insp-1", "insp-2"), on.minusDays(10), on, DEPARTMENT);
    }

    public static EntityState entity(String id, CodeKind kind, String code, String name) {
        return new EntityState(id, code, kind, name, List.of("用人单位"), COUNTY, "平顶山市新华区", null, null, 0,
                false, false, true, LocalDate.of(2015, 1, 1), null, Map.of(), 0, 2020);
    }

    /** Sends the registry's event for the entity and waits until publication knows its name. */
    public static void register(InMemoryConnector connector, EntityManager em, EntityState entity) {
        send(connector, new EntityRegistered(entity));
        await("entity " + entity.id(), () -> count(em, "select count(*) from entity_view where id = ?1", entity.id()) == 1);
    }

    /** A CloudEvents binary-mode record of the event, as the relay of its producer would send it. */
    public static ConsumerRecord<String, String> record(SuijiEvent event) {
        return record(UUID.randomUUID().toString(), event);
    }

    public static ConsumerRecord<String, String> record(String eventId, SuijiEvent event) {
        try {
            var record = new ConsumerRecord<>(EventTypes.of(event.getClass()).topic(), 0, 0L, event.aggregateId(),
                    EventJson.mapper().writeValueAsString(event));
            record.headers().add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader(CloudEventHeaders.TYPE,
                    EventTypes.of(event.getClass()).type().getBytes(StandardCharsets.UTF_8)));
            return record;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(InMemoryConnector connector, SuijiEvent event) {
        connector.source(EventTypes.of(event.getClass()).topic()).send(record(event));
    }

    public static long count(EntityManager em, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    public static String string(EntityManager em, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            Object value = query.getSingleResult();
            return value == null ? null : value.toString();
        });
    }

    /** Waits until the task batch has a disclosure and {@code items} results; returns the disclosure id. */
    public static String awaitDisclosure(EntityManager em, String taskId, int items) {
        await("disclosure of " + taskId, () -> count(em, "select count(*) from disclosure where task_id = ?1", taskId) == 1
                && count(em, "select count(*) from result_item where task_id = ?1", taskId) == items);
        return string(em, "select cast(id as text) from disclosure where task_id = ?1", taskId);
    }

    public static void await(String what, BooleanSupplier condition) {
        Instant end = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
