package io.suiji.enforcement.progress;

import io.suiji.enforcement.Caller;
import io.suiji.enforcement.Clock;
import io.suiji.enforcement.assignment.DrawStatus;
import io.suiji.platform.problem.QueryParams;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 检查进度 for supervisors (四(四)): per task and batch, assignments by status and overdue, counted
 * over the caller's region only; the draw's completeness is draw-wide (a count, no target data).
 */
@Path("/api/v1/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.SUPERVISOR, Caller.AUDITOR, Caller.PLANNER, Caller.ADMIN})
@Tag(name = "检查进度", description = "Progress per task batch for supervisors, region-scoped")
public class ProgressResource {

    @Inject
    EntityManager em;

    @Inject
    CallerScope scope;

    /**
     * @param counts       assignments in the caller's region by status
     * @param overdue      still open after the batch's end date
     * @param completeness "complete", "N missing" or awaiting the draw's summary
     */
    public record BatchProgress(String taskId, int batch, String drawId, Map<String, Long> counts, long total,
                                long overdue, Long expected, long received, String completeness, boolean cancelled,
                                LocalDate taskCompletedOn) {
    }

    @GET
    @Transactional
    @Operation(summary = "各任务批次检查进度", description = "Optional filter taskId")
    public List<BatchProgress> progress(@QueryParam("taskId") String taskIdParam) {
        String taskId = QueryParams.text("taskId", taskIdParam);
        Caller caller = Caller.of(scope);
        String sql = """
                select a.task_id, a.batch, a.draw_id,
                       count(*) filter (where a.status = 'ASSIGNED'),
                       count(*) filter (where a.status = 'IN_PROGRESS'),
                       count(*) filter (where a.status = 'CLOSED'),
                       count(*) filter (where a.status = 'CANCELLED'),
                       count(*) filter (where a.status in ('ASSIGNED', 'IN_PROGRESS') and a.batch_end < ?2),
                       d.expected_count, d.cancelled_at is not null, d.task_completed_on,
                       (select count(*) from assignment r where r.draw_id = a.draw_id)
                from assignment a left join draw_status d on d.draw_id = a.draw_id
                where a.entity_region like ?1""" + (taskId == null || taskId.isBlank() ? "" : " and a.task_id = ?3") + """

                group by a.task_id, a.batch, a.draw_id, d.expected_count, d.cancelled_at, d.task_completed_on
                order by a.task_id, a.batch, a.draw_id""";
        var query = em.createNativeQuery(sql)
                .setParameter(1, caller.regionPrefix() + "%")
                .setParameter(2, Clock.today());
        if (taskId != null && !taskId.isBlank()) {
            query.setParameter(3, taskId);
        }
        List<BatchProgress> result = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("ASSIGNED", number(r[3]));
            counts.put("IN_PROGRESS", number(r[4]));
            counts.put("CLOSED", number(r[5]));
            counts.put("CANCELLED", number(r[6]));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            Long expected = r[8] == null ? null : number(r[8]);
            long received = number(r[11]);
            result.add(new BatchProgress((String) r[0], ((Number) r[1]).intValue(), (String) r[2], counts, total,
                    number(r[7]), expected, received, DrawStatus.completeness(expected, received),
                    Boolean.TRUE.equals(r[9]), toDate(r[10])));
        }
        return result;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
