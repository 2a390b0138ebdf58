package io.suiji.publication.publicresults;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.RegionScope;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Published results for anyone (一公开): only results of published disclosures, never an exempt
 * (不宜公开) one; natural persons' names partially masked and their codes never shown.
 */
@Path("/api/v1/public/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "公开查询", description = "已公示的抽查结果（匿名可查；自然人姓名部分隐去，不显示证件号码）")
public class PublicResultResource {

    private static final String FROM = """
             from result_item r left join entity_view e on e.id = r.entity_id
             where r.published_at is not null and not r.exempt""";

    private final EntityManager em;

    @Inject
    public PublicResultResource(EntityManager em) {
        this.em = em;
    }

    public record PublicResult(String entityName, String entityCode, String matterCode, String outcome,
                               String outcomeLabel, LocalDate closedOn, String region, String department,
                               String penaltyDecisionNumber, BigDecimal penaltyAmount, String penaltyLegalBasis,
                               OffsetDateTime publishedAt) {
    }

    public record ResultPage(int page, int size, long total, List<PublicResult> items) {
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "查询已公示的抽查结果", description = """
            name（单位名称包含，≤50 字）、matter（事项编码）、year（检查办结年度）、region（6 位区划代码，市级含所辖县区）、\
            outcome（结果代码或中文）、page（从 0 起）、size（1–100，默认 20）。参数无效返回 400 problem+json。""")
    public ResultPage search(@QueryParam("name") String name, @QueryParam("matter") String matter,
                             @QueryParam("year") String year, @QueryParam("region") String region,
                             @QueryParam("outcome") String outcome, @QueryParam("page") String page,
                             @QueryParam("size") String size) {
        ResultQuery.Parsed parsed = ResultQuery.parse(name, matter, year, region, outcome, page, size);
        if (parsed.query() == null) {
            var errors = parsed.errors();
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " parameters are invalid";
            throw new ProblemException(400, "invalid-parameter", "Bad request", detail, errors);
        }
        ResultQuery q = parsed.query();
        StringBuilder where = new StringBuilder(" ").append(FROM);
        List<Object> params = new ArrayList<>();
        if (q.name() != null) {
            // Organisations only: a natural person is not found by name.
            params.add("%" + q.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" and e.name ilike ?").append(params.size()).append(" and e.code_kind is distinct from 'RESIDENT_ID_HASH'");
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
        long total = ((Number) bind(em.createNativeQuery("select count(*)" + where), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                select e.name, e.code, e.code_kind, r.matter_code, r.outcome, r.closed_on, r.entity_region, r.department,
                       r.penalty_decision_number, r.penalty_amount, r.penalty_legal_basis, r.published_at"""
                + where + " order by r.published_at desc, r.closed_on desc, r.inspection_id"), params)
                .setFirstResult(q.page() * q.size()).setMaxResults(q.size()).getResultList();
        return new ResultPage(q.page(), q.size(), total, rows.stream().map(PublicResultResource::row).toList());
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    private static PublicResult row(Object[] r) {
        String name = (String) r[0];
        boolean person = "RESIDENT_ID_HASH".equals(r[2]);
        Outcome outcome = Outcome.valueOf((String) r[4]);
        return new PublicResult(person ? Masking.personName(name) : name, person ? null : (String) r[1],
                (String) r[3], outcome.name(), outcome.label(), localDate(r[5]), (String) r[6], (String) r[7],
                (String) r[8], (BigDecimal) r[9], (String) r[10], offset(r[11]));
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.ofHours(8));
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.ofHours(8));
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.ofHours(8));
    }
}
