package io.suiji.publication.publicresults;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.platform.security.RegionScope;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.disclosure.Disclosure;
import io.suiji.publication.region.RegionNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * What the public may see of the results (一公开), in one place for the JSON API, the site and the
 * downloads: results of published disclosures only, never an exempt (不宜公开) one, never one past
 * its retention period; natural persons' names partially masked and their codes never shown.
 */
@ApplicationScoped
public class PublishedResults {

    private static final String FROM = """

             from result_item r left join entity_view e on e.id = r.entity_id
             where r.published_at is not null and not r.exempt and r.withdrawn_at is null
               and r.published_at > case when %s then cast(?1 as timestamptz) else cast(?2 as timestamptz) end"""
            .formatted(Retention.KNOWN_ORGANISATION);
    private static final String COLUMNS = """
            select r.entity_id, e.name, e.code, e.code_kind, r.matter_code, r.outcome, r.closed_on, r.entity_region,
                   r.department, r.penalty_decision_number, r.penalty_amount, r.penalty_legal_basis, r.published_at""";
    private static final String ORDER = " order by r.published_at desc, r.closed_on desc, r.inspection_id";
    private static final int FETCH = 500;

    public record PublicResult(String entityId, String entityName, String entityCode, boolean naturalPerson,
                               String matterCode, String outcome, String outcomeLabel, LocalDate closedOn, String region,
                               String department, String penaltyDecisionNumber, BigDecimal penaltyAmount,
                               String penaltyLegalBasis, OffsetDateTime publishedAt) {

        /** 行政区划名称 ({@code 新华区}), or the code when unknown. */
        public String regionName() {
            return RegionNames.name(region);
        }

        /** The day of publication in China Standard Time, for pages. */
        public LocalDate publishedOn() {
            return publishedAt == null ? null : publishedAt.toLocalDate();
        }
    }

    public record ResultPage(int page, int size, long total, List<PublicResult> items) {

        public int pages() {
            return (int) Math.min(ResultQuery.MAX_PAGE + 1L, (total + size - 1) / size);
        }
    }

    private final EntityManager em;
    private final Clock clock;

    @Inject
    public PublishedResults(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Must run in a transaction. */
    public ResultPage search(ResultQuery q) {
        List<Object> params = retentionParams();
        String where = FROM + filters(q, params);
        long total = ((Number) bind(em.createNativeQuery("select count(*)" + where), params).getSingleResult()).longValue();
        List<PublicResult> items = rows(bind(em.createNativeQuery(COLUMNS + where + ORDER), params)
                .setFirstResult(q.page() * q.size()).setMaxResults(q.size()));
        return new ResultPage(q.page(), q.size(), total, items);
    }

    /** How many public results match the filters (paging ignored), counting no further than {@code limit}. */
    public long countUpTo(ResultQuery q, int limit) {
        List<Object> params = retentionParams();
        String matching = "select 1" + FROM + filters(q, params);
        params.add(limit);
        return ((Number) bind(em.createNativeQuery("select count(*) from (" + matching + " limit ?" + params.size() + ") m"),
                params).getSingleResult()).longValue();
    }

    /**
     * Hands every public result matching the filters (paging ignored), at most {@code limit}, to {@code each} in
     * the search's order, read through a database cursor {@value #FETCH} rows at a time so that a download
     * never holds more than that in memory. Must run in a transaction (the cursor lives in it).
     */
    public void forEach(ResultQuery q, int limit, Consumer<PublicResult> each) {
        List<Object> params = retentionParams();
        Query query = bind(em.createNativeQuery(COLUMNS + FROM + filters(q, params) + ORDER), params)
                .setMaxResults(limit).setHint(HibernateHints.HINT_FETCH_SIZE, FETCH);
        try (Stream<?> rows = query.getResultStream()) {
            rows.forEach(r -> each.accept(row((Object[]) r)));
        }
    }

    /** The public results of one entity, newest first. */
    public List<PublicResult> ofEntity(String entityId, int limit) {
        List<Object> params = retentionParams();
        params.add(entityId);
        return rows(bind(em.createNativeQuery(COLUMNS + FROM + " and r.entity_id = ?" + params.size() + ORDER), params)
                .setMaxResults(limit));
    }

    /** The public results of one published disclosure. */
    public List<PublicResult> ofDisclosure(Disclosure d) {
        List<Object> params = retentionParams();
        StringBuilder where = new StringBuilder(FROM);
        if (d.drawId != null) {
            params.add(d.drawId);
            where.append(" and r.draw_id = ?").append(params.size());
        } else {
            params.add(d.taskId);
            where.append(" and r.task_id = ?").append(params.size());
            params.add(d.batch);
            where.append(" and r.batch = ?").append(params.size()).append(" and r.draw_id is null");
        }
        return rows(bind(em.createNativeQuery(COLUMNS + where + ORDER), params));
    }

    private List<Object> retentionParams() {
        Retention.Cutoffs cutoffs = Retention.at(OffsetDateTime.now(clock.withZone(Clocks.CHINA)));
        List<Object> params = new ArrayList<>();
        params.add(cutoffs.organisation());
        params.add(cutoffs.naturalPerson());
        return params;
    }

    private static String filters(ResultQuery q, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (q.name() != null) {
            // Organisations only: a natural person is not found by name.
            params.add("%" + q.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" and e.name ilike ?").append(params.size()).append(" and e.code_kind is distinct from 'RESIDENT_ID_HASH'");
        }
        if (q.code() != null) {
            params.add(q.code());
            where.append(" and e.code = ?").append(params.size()).append(" and e.code_kind is distinct from 'RESIDENT_ID_HASH'");
        }
        if (q.matter() != null) {
            params.add(q.matter());
            where.append(" and r.matter_code = ?").append(params.size());
        }
        if (q.year() != null) {
            params.add(Date.valueOf(LocalDate.of(q.year(), 1, 1)));
            where.append(" and r.closed_on >= ?").append(params.size());
            params.add(Date.valueOf(LocalDate.of(q.year() + 1, 1, 1)));
            where.append(" and r.closed_on < ?").append(params.size());
        }
        if (q.region() != null) {
            params.add(new RegionScope(q.region()).prefix() + "%");
            where.append(" and r.entity_region like ?").append(params.size());
        }
        if (q.outcome() != null) {
            params.add(q.outcome().name());
            where.append(" and r.outcome = ?").append(params.size());
        }
        return where.toString();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<PublicResult> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().map(PublishedResults::row).toList();
    }

    private static PublicResult row(Object[] r) {
        String name = (String) r[1];
        boolean person = r[3] == null || "RESIDENT_ID_HASH".equals(r[3]);
        Outcome outcome = Outcome.valueOf((String) r[5]);
        return new PublicResult((String) r[0], person ? Masking.personName(name) : name, person ? null : (String) r[2],
                person, (String) r[4], outcome.name(), outcome.label(), localDate(r[6]), (String) r[7], (String) r[8],
                (String) r[9], (BigDecimal) r[10], (String) r[11], offset(r[12]));
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static OffsetDateTime offset(Object value) {
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.ofHours(8));
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.ofHours(8));
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.ofHours(8));
    }
}
