package io.suiji.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.enforcement.assignment.AssignmentService;
import io.suiji.enforcement.record.Finding;
import io.suiji.enforcement.record.FindingResult;
import io.suiji.enforcement.record.RecordRequests;
import io.suiji.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builders for the events enforcement consumes, and waiting for their effect. */
public final class Fixtures {

    public static final String ZHANG = "insp-zhang";
    public static final String LI = "insp-li";
    public static final String COUNTY = "410402";

    private Fixtures() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static TargetSelected selection(String drawId, String taskId, int ordinal, String region, List<String> group) {
        return selection(drawId, taskId, ordinal, region, group, "M01");
    }

    public static TargetSelected selection(String drawId, String taskId, int ordinal, String region, List<String> group,
                                           String matterCode) {
        return new TargetSelected(drawId, taskId, 1, matterCode, 1, id("entity"), region, region + "|B", 0.05, false,
                group, Clock.today().minusDays(10), Clock.today().plusDays(20), ordinal);
    }

    public static DrawCompleted completed(String drawId, String taskId, long count) {
        return new DrawCompleted(drawId, UUID.randomUUID().toString(), taskId, 1, "M01", count, 1, "ab".repeat(32),
                "cd".repeat(32), "witness", "410400", "劳动保障监察局（支队）", Instant.now());
    }

    /** Sends {@code count} selections of a fresh draw and waits until their assignments exist; returns their ids. */
    public static List<UUID> draw(InMemoryConnector connector, EntityManager em, String drawId, String taskId, int count,
                                  String region) {
        return draw(connector, em, drawId, taskId, count, region, List.of(ZHANG, LI));
    }

    /** {@link #draw(InMemoryConnector, EntityManager, String, String, int, String)} with another group. */
    public static List<UUID> draw(InMemoryConnector connector, EntityManager em, String drawId, String taskId, int count,
                                  String region, List<String> group) {
        for (int i = 1; i <= count; i++) {
            connector.source("sampling.selections").send(record(selection(drawId, taskId, i, region, group)));
        }
        await("assignments of " + drawId, () -> count(em, "select count(*) from assignment where draw_id = ?1", drawId) == count);
        return assignments(em, drawId);
    }

    @SuppressWarnings("unchecked")
    public static List<UUID> assignments(EntityManager em, String drawId) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(((List<Object>) em.createNativeQuery(
                "select cast(id as text) from assignment where draw_id = ?1 order by ordinal")
                .setParameter(1, drawId).getResultList()).stream().map(o -> UUID.fromString(o.toString())).toList()));
    }

    /** An inspector calling the services directly, as the resources would build it from the token. */
    public static Caller inspector(String id) {
        return new Caller(id, true, false, null, null);
    }

    /** Records a minimal inspection (findings and {@code outcome}) as {@code caller}; an outsider cannot confirm it. */
    public static void recordInspection(AssignmentService service, Caller caller, UUID id, Outcome outcome) {
        service.recordFindings(caller, id, new RecordRequests.Findings(InspectionMethod.DOCUMENT_REVIEW,
                Map.of("1", new Finding(FindingResult.COMPLIANT, null))));
        service.recordOutcome(caller, id, new RecordRequests.OutcomeRecord(outcome, null, null));
        assertThrows(ProblemException.class, () -> service.confirm(inspector("insp-nobody"), id));
    }

    /** Records an inspection and has both members of the default group confirm it: the assignment closes. */
    public static void closeByBoth(AssignmentService service, UUID id, Outcome outcome) {
        recordInspection(service, inspector(ZHANG), id, outcome);
        service.confirm(inspector(ZHANG), id);
        assertEquals("CLOSED", service.confirm(inspector(LI), id).status());
    }

    /** A published matter version with the given check items (检查内容). */
    public static MatterState matter(String code, List<String> checkItems) {
        return new MatterState(code, 1, 1, "用人单位遵守工资支付规定情况的检查 " + code, List.of("《劳动保障监察条例》"),
                List.of("用人单位"), checkItems, MatterCategory.KEY, List.of(InspectionMethod.ON_SITE),
                new SamplingRatio(new BigDecimal("10"), null), null, List.of(), null, List.of(), null,
                MatterStatus.PUBLISHED, "平人社办〔2020〕47号");
    }

    /** A registered target (检查对象) of the registry in {@code region}. */
    public static EntityState entity(String id, String region) {
        return new EntityState(id, "91410400MA" + id.hashCode(), CodeKind.USCC, "平顶山市某建筑劳务有限公司", List.of("用人单位"),
                region, "平顶山市新华区", null, null, 0, false, false, true, Clock.today().minusYears(3), null, Map.of(), 0,
                Clock.today().getYear());
    }

    /** Publishes a matter (version 1) with these check items through catalog.matters and waits until enforcement has it. */
    public static void publishMatter(InMemoryConnector connector, EntityManager em, String code, List<String> checkItems) {
        connector.source("catalog.matters").send(record(new MatterPublished(matter(code, checkItems))));
        await("matter " + code, () -> count(em, "select count(*) from matter_check_items where code = ?1", code) == 1);
    }

    /** An active inspector of the registry with this 执法证号 ({@code certificate} may be null: none recorded). */
    public static InspectorState registryInspector(String id, String name, String certificate) {
        return new InspectorState(id, name, certificate, "劳动保障监察局（支队）", "410400", List.of("工资支付"),
                InspectorStatus.ACTIVE, List.of(), List.of());
    }

    /** Sends a registry.inspectors event and waits until enforcement has applied it. */
    public static void registerInspector(InMemoryConnector connector, EntityManager em, SuijiEvent event) {
        String eventId = UUID.randomUUID().toString();
        connector.source("registry.inspectors").send(record(eventId, EventTypes.of(event.getClass()).type(), event));
        await("inspector event " + eventId, () -> count(em,
                "select count(*) from processed_event where consumer = 'enforcement.inspectors' and event_id = ?1",
                eventId) == 1);
    }

    /** A CloudEvents binary-mode record of the event, as the relay of its producer would send it. */
    public static ConsumerRecord<String, String> record(SuijiEvent event) {
        return record(UUID.randomUUID().toString(), EventTypes.of(event.getClass()).type(), event);
    }

    public static ConsumerRecord<String, String> record(String eventId, String type, Object payload) {
        try {
            var record = new ConsumerRecord<>("topic", 0, 0L, "key", EventJson.mapper().writeValueAsString(payload));
            record.headers().add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
            return record;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    public static String text(EntityManager em, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            Object result = query.getSingleResult();
            return result == null ? null : result.toString();
        });
    }

    public static void execute(EntityManager em, String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    /** Events of {@code type} (simple name) the outbox holds for {@code aggregateId}. */
    public static long outbox(EntityManager em, String type, String aggregateId) {
        return count(em, "select count(*) from outbox_event where event_type = ?1 and aggregate_id = ?2",
                "io.suiji.enforcement." + type + ".v1", aggregateId);
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
