package io.suiji.publication.openinfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.sampling.PlanPublished;
import io.suiji.contracts.sampling.PlanTask;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.region.RegionNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The annual plans and the catalogue as the public site shows them (views in plain Chinese text). */
@ApplicationScoped
public class PublicPlans {

    public record PlanSummary(String planId, int year, String department, String region, int version,
                              String publishedOn, int taskCount) {

        public String regionName() {
            return RegionNames.name(region);
        }

        public String regionLabel() {
            return RegionNames.withCode(region);
        }
    }

    public record TaskView(String taskId, String name, String matters, String lead, String participating,
                           String batches, String methods) {
    }

    public record PlanView(PlanSummary summary, String amendmentNote, List<TaskView> tasks) {
    }

    public record MatterView(String order, String code, String name, String category, String targetTypes,
                             List<String> checkItems, String legalBases, String methods, String ratio, String frequency,
                             String levels, String units, boolean retired) {
    }

    private final EntityManager em;

    @Inject
    public PublicPlans(EntityManager em) {
        this.em = em;
    }

    /** Newest year first. Must run in a transaction. */
    public List<PlanSummary> plans() {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select cast(plan as text) from public_plan order by year desc, region, plan_id")
                .setMaxResults(500).getResultList();
        return rows.stream().map(json -> read(json, PlanPublished.class)).map(PublicPlans::summary).toList();
    }

    public Optional<PlanView> plan(String planId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select cast(plan as text) from public_plan where plan_id = ?1")
                .setParameter(1, planId).getResultList();
        return rows.stream().findFirst().map(json -> read(json, PlanPublished.class)).map(p -> new PlanView(summary(p), p.amendmentNote(),
                p.tasks().stream().map(PublicPlans::task).toList()));
    }

    /** In the catalogue's own order (序号), the retired ones last. */
    public List<MatterView> catalogue() {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                select cast(matter as text) from public_matter
                order by status = 'RETIRED', display_order nulls last, code""").getResultList();
        return rows.stream().map(json -> read(json, MatterState.class)).map(PublicPlans::matter).toList();
    }

    private static PlanSummary summary(PlanPublished p) {
        return new PlanSummary(p.planId(), p.year(), p.department(), p.region(), p.version(),
                p.publishedAt().atZone(Clocks.CHINA).toLocalDate().toString(), p.tasks().size());
    }

    private static TaskView task(PlanTask t) {
        return new TaskView(t.taskId(), t.name(), String.join("、", t.matterCodes()), t.leadDepartment(),
                String.join("、", t.participatingDepartments()),
                t.batches().stream().map(b -> "第" + b.number() + "批 " + b.start() + " 至 " + b.end())
                        .collect(Collectors.joining("；")),
                methods(t.methods()));
    }

    private static MatterView matter(MatterState m) {
        String ratio = m.ratio() == null ? "" : (m.ratio().percent() == null ? "" : m.ratio().percent().stripTrailingZeros()
                .toPlainString() + "%") + (m.ratio().minimumCount() == null ? ""
                : (m.ratio().percent() == null ? "" : "，") + "至少" + m.ratio().minimumCount() + "个");
        String frequency = m.frequency() == null ? "" : (m.frequency().asNeeded() ? "根据工作需要或" : "")
                + m.frequency().timesPerYear() + "次/年";
        return new MatterView(m.displayOrder() == null ? "" : m.displayOrder().toString(), m.code(), m.name(),
                m.category() == null ? "" : m.category().label(), String.join("、", m.targetTypes()), m.checkItems(),
                String.join("；", m.legalBases()), methods(m.methods()), ratio, frequency,
                m.levels().stream().map(ImplementingLevel::label).collect(Collectors.joining("、")),
                String.join("、", m.responsibleUnits()), "RETIRED".equals(m.status().name()));
    }

    private static String methods(List<InspectionMethod> methods) {
        return methods.stream().map(InspectionMethod::label).collect(Collectors.joining("、"));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " no longer reads", e);
        }
    }
}
