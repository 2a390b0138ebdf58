package io.suiji.publication.dashboard;

import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import io.suiji.platform.security.RegionScope;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.disclosure.Disclosure;
import io.suiji.publication.disclosure.ResultItem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 考核督查 (四(四)): for the caller's region — a city over its counties, a county over itself — per
 * region and department: task batches, inspections, results published on time / late, overdue.
 * JSON only for now.
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "考核督查", description = "按区划与部门统计任务批次、检查数、按时/逾期公示及逾期清单")
public class DashboardResource {

    private final CallerScope caller;
    private final Clock clock;

    @Inject
    public DashboardResource(CallerScope caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public record Row(String region, String department, int taskBatches, long inspections, int publishedOnTime,
                      int publishedLate, int overdue, int open, BigDecimal onTimeRate) {
    }

    public record OverdueDisclosure(UUID id, String taskId, int batch, String region, String department,
                                    LocalDate dueDate) {
    }

    public record Dashboard(int year, LocalDate asOf, List<Row> rows, List<OverdueDisclosure> overdue) {
    }

    @GET
    @RolesAllowed({"supervisor", "auditor", "admin", "publisher"})
    @Transactional
    @Operation(summary = "督查统计", description = "year：任务完成年度（默认今年）。onTimeRate = 按时公示 / (已公示 + 逾期未公示)")
    public Dashboard dashboard(@QueryParam("year") String year) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.CHINA));
        int y = today.getYear();
        if (year != null && !year.isBlank()) {
            if (!year.matches("\\d{4}") || Integer.parseInt(year) < 1900 || Integer.parseInt(year) > 2199) {
                throw new ProblemException(400, "invalid-parameter", "Bad request", "year: a year 1900–2199",
                        List.of(new Problem.FieldError("year", "a year 1900–2199")));
            }
            y = Integer.parseInt(year);
        }
        Optional<RegionScope> scope = caller.regionScope();
        if (scope.isEmpty()) {
            return new Dashboard(y, today, List.of(), List.of());
        }
        List<Disclosure> disclosures = Disclosure.list("region like ?1 and completedOn >= ?2 and completedOn < ?3"
                + " order by region, department, dueDate", scope.get().prefix() + "%", LocalDate.of(y, 1, 1),
                LocalDate.of(y + 1, 1, 1));
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Long> inspections = new TreeMap<>();
        List<OverdueDisclosure> overdue = new java.util.ArrayList<>();
        for (Disclosure d : disclosures) {
            String key = d.region + "\u0000" + (d.department == null ? "" : d.department);
            int[] c = counts.computeIfAbsent(key, k -> new int[5]); // batches, on time, late, overdue, open
            c[0]++;
            inspections.merge(key, ResultItem.countOf(d), Long::sum);
            if (d.published()) {
                c[Boolean.TRUE.equals(d.onTime) ? 1 : 2]++;
            } else if (today.isAfter(d.dueDate)) {
                c[3]++;
                overdue.add(new OverdueDisclosure(d.id, d.taskId, d.batch, d.region, d.department, d.dueDate));
            } else {
                c[4]++;
            }
        }
        List<Row> rows = counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\u0000", 2);
            int[] c = e.getValue();
            int judged = c[1] + c[2] + c[3];
            BigDecimal rate = judged == 0 ? null
                    : BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(judged), 4, RoundingMode.HALF_UP);
            return new Row(key[0], key[1].isEmpty() ? null : key[1], c[0], inspections.get(e.getKey()), c[1], c[2], c[3],
                    c[4], rate);
        }).toList();
        return new Dashboard(y, today, rows, overdue);
    }
}
