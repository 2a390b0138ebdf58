package io.suiji.sampling;

import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.InspectorRegistered;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builders for the events sampling consumes, and waiting for their effect. */
public final class Fixtures {

    public static final String CITY_DEPARTMENT = "劳动保障监察局（支队）";
    private static final AtomicInteger COUNTY = new AtomicInteger(40);

    private Fixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public static int year() {
        return today().getYear();
    }

    /** A fresh (fictitious) county code of city 410400, so that each test has its own population. */
    public static String freshCounty() {
        return "4104" + COUNTY.incrementAndGet();
    }

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static MatterState matter(String code, MatterCategory category, String percent, Integer minimum,
                                     List<String> targetTypes) {
        return new MatterState(code, 1, 1, "技工院校监督检查 " + code, List.of(), targetTypes, List.of(), category,
                List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW),
                new SamplingRatio(percent == null ? null : new BigDecimal(percent), minimum), null, List.of(), null,
                List.of(), null, MatterStatus.PUBLISHED, "平人社办〔2020〕47号");
    }

    public static EntityState entity(String id, String region, String type, CreditClass credit) {
        return entity(id, region, type, credit, null, Map.of(), 0);
    }

    public static EntityState entity(String id, String region, String type, CreditClass credit,
                                     LocalDate deregisteredOn, Map<String, LocalDate> lastInspected,
                                     int inspectionsThisYear) {
        return new EntityState(id, "91410400MA4" + id.substring(0, 7).toUpperCase(), CodeKind.USCC, "单位 " + id,
                List.of(type), region, "平顶山市", credit, null, 0, false, false, true, LocalDate.of(2015, 1, 1),
                deregisteredOn, lastInspected, inspectionsThisYear, year());
    }

    public static InspectorState inspector(String id, String region, String expertise) {
        return inspector(id, region, expertise, InspectorStatus.ACTIVE, "ZF" + id.substring(0, 6), List.of(), List.of());
    }

    public static InspectorState inspector(String id, String region, String expertise, InspectorStatus status,
                                           String certificate, List<Leave> leaves, List<String> conflictsWith) {
        return new InspectorState(id, "检查员 " + id.substring(0, 4), certificate, CITY_DEPARTMENT, region,
                List.of(expertise), status, leaves,
                conflictsWith.stream().map(e -> new ConflictDeclaration(e, "亲属", LocalDate.of(2020, 1, 1))).toList());
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

    /** Sends a catalogue matter through {@code catalog.matters} and waits for the read model to hold it. */
    public static void publish(InMemoryConnector connector, EntityManager em, MatterState matter) {
        connector.source("catalog.matters").send(record(new MatterPublished(matter)));
        await("matter " + matter.code(), () -> count(em, "select count(*) from matter_view where code = ?1 and version = ?2",
                matter.code(), matter.version()) == 1);
    }

    /** Sends registry states and waits until they are all in the read models. */
    public static void register(InMemoryConnector connector, EntityManager em, List<EntityState> entities,
                                List<InspectorState> inspectors) {
        entities.forEach(e -> connector.source("registry.entities").send(record(new EntityRegistered(e))));
        inspectors.forEach(i -> connector.source("registry.inspectors").send(record(new InspectorRegistered(i))));
        for (EntityState e : entities) {
            await("entity " + e.id(), () -> count(em, "select count(*) from entity_view where id = ?1", e.id()) == 1);
        }
        for (InspectorState i : inspectors) {
            await("inspector " + i.id(), () -> count(em, "select count(*) from inspector_view where id = ?1", i.id()) == 1);
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

    /** Runs a native statement in its own transaction (test set-up). */
    public static void execute(EntityManager em, String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
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
