package io.suiji.publication.dashboard;

import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.RegionScope;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.disclosure.Disclosure;
import io.suiji.publication.disclosure.ResultItem;
import io.suiji.publication.region.RegionNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * 考核督查 (四(四)): for a region — a city over its counties, a county over itself — per region and
 * department: task batches, inspections, results published on time / late, overdue. Served as JSON
 * and as an HTML page.
 */
@ApplicationScoped
public class DashboardService {

    private final Clock clock;

    @Inject
    public DashboardService(Clock clock) {
        this.clock = clock;
    }

    /** @param regionName 行政区划名称, or the code when unknown */
    public record Row(String region, String regionName, String department, int taskBatches, long inspections, int publishedOnTime,
                      int publishedLate, int overdue, int open, BigDecimal onTimeRate) {
    }

    public record OverdueDisclosure(UUID id, String taskId, int batch, String region, String regionName, String department,
                                    LocalDate dueDate) {
    }

    public record Dashboard(int year, LocalDate asOf, List<Row> rows, List<OverdueDisclosure> overdue) {
    }

    /** The figures for the caller's region in {@code year} (default this year); 400 for a bad year. Needs a transaction. */
    public Dashboard compute(Optional<RegionScope> scope, String year) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.CHINA));
        int y = today.getYear();
        if (year != null && !year.isBlank()) {
            if (!year.matches("\\d{4}") || Integer.parseInt(year) < 1900 || Integer.parseInt(year) > 2199) {
                throw ProblemException.badParameter("year", "a year 1900–2199");
            }
            y = Integer.parseInt(year);
        }
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
                overdue.add(new OverdueDisclosure(d.id, d.taskId, d.batch, d.region, RegionNames.name(d.region), d.department,
                        d.dueDate));
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
            return new Row(key[0], RegionNames.name(key[0]), key[1].isEmpty() ? null : key[1], c[0], inspections.get(e.getKey()), c[1], c[2], c[3],
                    c[4], rate);
        }).toList();
        return new Dashboard(y, today, rows, overdue);
    }
}
