package io.suiji.bench.assignments;

import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.TargetSelected;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One draw of {@code n} targets as sampling-service publishes it: a {@code TargetSelected} per
 * ordinal (a drawn entity and its group of two inspectors) and a {@code DrawCompleted} with the
 * count; and the {@code MatterPublished} of its matter, so that each assignment carries the
 * matter's check items as in production. Entity ids follow from the ordinal, so that the check can
 * tell which selection every assignment came from.
 */
record SelectionEvents(String drawId, int n) {

    static final String TASK = "T-BENCH";
    static final String MATTER = "PDS-BENCH-001";
    static final String[] REGIONS = {"410402", "410403", "410411", "410421"};
    private static final int INSPECTORS = 120;
    private static final LocalDate BATCH_START = LocalDate.of(2020, 7, 1);
    private static final LocalDate BATCH_END = LocalDate.of(2020, 9, 30);

    static SelectionEvents newDraw(int n) {
        return new SelectionEvents(UUID.randomUUID().toString(), n);
    }

    MatterPublished matter() {
        return new MatterPublished(new MatterState(MATTER, 1, 1, "用人单位遵守工资支付规定情况的检查",
                List.of("《劳动保障监察条例》"), List.of("用人单位"),
                List.of("工资支付台账", "按时足额支付工资情况", "最低工资标准执行情况"), MatterCategory.KEY,
                List.of(InspectionMethod.ON_SITE), new SamplingRatio(new BigDecimal("5"), null), null, List.of(),
                "市、县人力资源社会保障部门", List.of("劳动保障监察局（支队）"), LocalDate.of(2020, 4, 27),
                MatterStatus.PUBLISHED, "平人社办〔2020〕47号"));
    }

    /** The draw's events in the order sampling writes them to its outbox: the selections, then the completion. */
    List<SuijiEvent> draw() {
        List<SuijiEvent> events = new ArrayList<>(n + 1);
        for (int ordinal = 1; ordinal <= n; ordinal++) {
            String region = regionOf(ordinal);
            int first = ordinal % INSPECTORS;
            events.add(new TargetSelected(drawId, TASK, 1, MATTER, 1, entityOf(ordinal), region, region + "|B",
                    0.05, false, List.of(inspector(first), inspector((first + 1) % INSPECTORS)),
                    BATCH_START, BATCH_END, ordinal));
        }
        events.add(new DrawCompleted(drawId, UUID.randomUUID().toString(), TASK, 1, MATTER, n, n, "ab".repeat(32),
                "cd".repeat(32), "bench witness", "410400", "劳动保障监察局（支队）", Instant.now()));
        return events;
    }

    /** The entity drawn at {@code ordinal}: a name-based UUID, the same in every run. */
    static String entityOf(int ordinal) {
        return UUID.nameUUIDFromBytes(("bench-entity-" + ordinal).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String regionOf(int ordinal) {
        return REGIONS[ordinal % REGIONS.length];
    }

    private static String inspector(int i) {
        return String.format("INS-BENCH-%03d", i);
    }
}
