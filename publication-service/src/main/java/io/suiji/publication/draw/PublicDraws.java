package io.suiji.publication.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.suiji.contracts.EventJson;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.region.RegionNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The draws as the public site shows them (抽取证明), read from {@code public_draw}. Must run in a transaction. */
@ApplicationScoped
public class PublicDraws {

    public static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String COLUMNS = """
            select d.draw_id, d.plan_id, d.task_id, d.batch, d.matter_code, m.name, d.region, d.department, d.algorithm,
                   d.population_size, d.population_digest, d.commitment, cast(d.exclusions as text), d.committed_at,
                   d.selected_count, d.group_count, d.selection_digest, d.secret, d.witness_entropy, d.completed_at,
                   d.cancel_reason, d.cancelled_at
            from public_draw d left join public_matter m on m.code = d.matter_code""";

    /** One draw with the commitment check made here, when the page is rendered. */
    public record DrawView(String drawId, String planId, String taskId, Integer batch, String matterCode,
                           String matterName, String region, String department, String algorithm, Long populationSize,
                           String populationDigest, String commitment, String exclusions, String committedAt,
                           Long selectedCount, Integer groupCount, String selectionDigest, String secret,
                           String witnessEntropy, String completedAt, String cancelReason, String cancelledAt) {

        public boolean committed() {
            return commitment != null;
        }

        public boolean completed() {
            return completedAt != null;
        }

        public boolean cancelled() {
            return cancelledAt != null;
        }

        /** Committed and neither revealed nor cancelled yet. */
        public boolean awaitingReveal() {
            return !completed() && !cancelled();
        }

        public String status() {
            return cancelled() ? "已作废" : completed() ? "已完成" : "已承诺，等待公开种子";
        }

        public String regionLabel() {
            return RegionNames.withCode(region);
        }

        /** SHA-256 of the revealed secret's bytes, or null before the reveal (or for a malformed secret). */
        public String secretDigest() {
            return secret != null && secret.matches("[0-9a-f]{64}") ? Commitment.of(secret) : null;
        }

        /** Both values are known, so the check can be shown. */
        public boolean checkable() {
            return secret != null && commitment != null;
        }

        public boolean commitmentMatches() {
            return Commitment.matches(secret, commitment);
        }
    }

    private final EntityManager em;

    @Inject
    public PublicDraws(EntityManager em) {
        this.em = em;
    }

    public Optional<DrawView> draw(String drawId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " where d.draw_id = ?1").setParameter(1, drawId).getResultList();
        return rows.stream().findFirst().map(PublicDraws::view);
    }

    /** Completed draws, the newest first, {@value #PAGE_SIZE} a page. */
    public List<DrawView> completed(int page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " where d.completed_at is not null order by d.completed_at desc, d.draw_id")
                .setFirstResult(page * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1).getResultList();
        return rows.stream().map(PublicDraws::view).toList();
    }

    /** The draws of one annual plan, in the order they were made. */
    public List<DrawView> ofPlan(String planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " where d.plan_id = ?1 order by d.committed_at nulls last, d.draw_id")
                .setParameter(1, planId).setMaxResults(500).getResultList();
        return rows.stream().map(PublicDraws::view).toList();
    }

    private static DrawView view(Object[] r) {
        return new DrawView((String) r[0], (String) r[1], (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(), (String) r[10], (String) r[11], exclusions((String) r[12]),
                time(r[13]), r[14] == null ? null : ((Number) r[14]).longValue(),
                r[15] == null ? null : ((Number) r[15]).intValue(), (String) r[16], (String) r[17], (String) r[18],
                time(r[19]), (String) r[20], time(r[21]));
    }

    /** "原因 n 个；…" in the reasons' order, or empty when nothing was excluded. */
    private static String exclusions(String json) {
        if (json == null) {
            return "";
        }
        try {
            Map<String, Long> byReason = new TreeMap<>(EventJson.mapper().readValue(json, new TypeReference<Map<String, Long>>() {
            }));
            return byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 个").collect(Collectors.joining("；"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored exclusions no longer read", e);
        }
    }

    /** China Standard Time, to the second, as the other pages show times. */
    private static String time(Object value) {
        Instant instant;
        if (value == null) {
            return null;
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof Timestamp t) {
            instant = t.toInstant();
        } else {
            instant = ((OffsetDateTime) value).toInstant();
        }
        return TIME.format(instant.atZone(Clocks.CHINA));
    }
}
