package io.suiji.sampling.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The read models' size, and their rebuild from offset 0: the tables and the consumer's inbox rows
 * are emptied in one transaction, then this instance's consumer of the topic seeks to the start of
 * its partitions. Compacted topics (catalog, registry) give back the current state of every key;
 * {@code enforcement.inspections} only what its retention still holds.
 */
@Path("/api/v1/admin/read-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "读模型", description = "Local copies of the catalogue, the registry and enforcement facts")
public class ReadModelResource {

    private static final Logger LOG = Logger.getLogger(ReadModelResource.class);

    /** One read model: its name, topic, consumer and row count. */
    public record Status(String name, String topic, String consumer, Map<String, Long> rows) {
    }

    /** What a rebuild did: the models emptied and, per topic, the partitions rewound (or why not). */
    public record Rebuild(List<String> emptied, Map<String, String> rewound, String requestedBy) {
    }

    public record RebuildRequest(List<String> models) {
    }

    @Inject
    EntityManager em;

    @Inject
    KafkaClientService kafka;

    @Inject
    CallerScope caller;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({"admin", "auditor", "supervisor"})
    @Operation(summary = "读模型状态")
    public List<Status> status() {
        List<Status> result = new ArrayList<>();
        for (ReadModel model : ReadModel.values()) {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : model.tables()) {
                rows.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult())
                        .longValue());
            }
            result.add(new Status(model.label(), model.topic(), model.consumer(), rows));
        }
        return result;
    }

    @POST
    @Path("rebuild")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "从偏移量0重建读模型", description = "models: matters, entities, inspectors, enforcement; empty = all")
    public Rebuild rebuild(RebuildRequest request) {
        List<ReadModel> models = new ArrayList<>();
        List<String> names = request == null || request.models() == null || request.models().isEmpty()
                ? List.of("matters", "entities", "inspectors", "enforcement") : request.models();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            ReadModel.byLabel(names.get(i)).ifPresentOrElse(models::add, () -> errors.add(new Problem.FieldError(
                    "models[" + index + "]", "unknown read model " + names.get(index)
                            + " (one of matters, entities, inspectors, enforcement)")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        empty(models);
        Map<String, String> rewound = new LinkedHashMap<>();
        for (ReadModel model : models) {
            rewound.put(model.topic(), rewind(model.topic()));
        }
        LOG.infof("read models %s rebuilt from offset 0 at the request of %s", names, caller.name());
        return new Rebuild(models.stream().map(ReadModel::label).toList(), rewound, caller.name());
    }

    // Committed before the rewind, so that replayed events are not taken for duplicates.
    private void empty(List<ReadModel> models) {
        QuarkusTransaction.requiringNew().run(() -> {
            audit.append("read-models.emptied", "read-model", String.join(",", models.stream().map(ReadModel::label).toList()),
                    status().stream().filter(s -> models.stream().anyMatch(m -> m.label().equals(s.name()))).toList(), null);
            for (ReadModel model : models) {
                for (String table : model.tables()) {
                    em.createNativeQuery("delete from " + table).executeUpdate();
                }
                em.createNativeQuery("delete from processed_event where consumer = ?1")
                        .setParameter(1, model.consumer()).executeUpdate();
            }
        });
    }

    private String rewind(String channel) {
        KafkaConsumer<Object, Object> consumer;
        try {
            consumer = kafka.getConsumer(channel);
        } catch (RuntimeException e) {
            consumer = null;
        }
        if (consumer == null) {
            return "no Kafka consumer on this instance; restart it with a reset consumer group (README)";
        }
        Set<TopicPartition> partitions = consumer.getAssignments().await().atMost(Duration.ofSeconds(30));
        consumer.seekToBeginning(partitions).await().atMost(Duration.ofSeconds(30));
        return "partitions " + partitions.stream().map(TopicPartition::partition).sorted().toList()
                + " rewound to offset 0";
    }
}
