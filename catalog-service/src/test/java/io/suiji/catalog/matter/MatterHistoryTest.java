package io.suiji.catalog.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatterHistoryTest {

    private static MatterVersion v(int n, MatterStatus status, String from, String percent) {
        return new MatterVersion("PDS-2020-02", n, status, from == null ? null : LocalDate.parse(from),
                MatterContent.of("技工院校监督检查", MatterCategory.GENERAL, new SamplingRatio(new BigDecimal(percent), null)),
                "平人社办〔2020〕47号", null, null);
    }

    private static final MatterHistory HISTORY = new MatterHistory(List.of(
            v(3, MatterStatus.RETIRED, "2023-01-01", "20"),
            v(1, MatterStatus.PUBLISHED, "2020-04-27", "30"),
            v(2, MatterStatus.PUBLISHED, "2021-07-01", "20")));

    private static Optional<Integer> inForce(String day) {
        return HISTORY.inForceOn(LocalDate.parse(day)).map(MatterVersion::version);
    }

    @Test
    void theVersionInForceOnADay() {
        assertEquals(Optional.empty(), inForce("2020-04-26"));
        assertEquals(Optional.of(1), inForce("2020-04-27"));
        assertEquals(Optional.of(1), inForce("2021-06-30"));
        assertEquals(Optional.of(2), inForce("2021-07-01"));
        assertEquals(Optional.of(2), inForce("2022-12-31"));
        assertEquals(Optional.empty(), inForce("2023-01-01"), "retired");
    }

    @Test
    void versionsAreKeptInOrderWithTheDayEachWasSuperseded() {
        assertEquals(List.of(1, 2, 3), HISTORY.versions(false).stream().map(MatterVersion::version).toList());
        assertEquals(Optional.of(LocalDate.parse("2021-07-01")), HISTORY.supersededOn(HISTORY.version(1).orElseThrow()));
        assertEquals(Optional.of(LocalDate.parse("2023-01-01")), HISTORY.supersededOn(HISTORY.version(2).orElseThrow()));
        assertEquals(Optional.empty(), HISTORY.supersededOn(HISTORY.version(3).orElseThrow()));
        assertTrue(HISTORY.retired());
        assertEquals(Optional.empty(), HISTORY.published());
    }

    @Test
    void aDraftIsNeverInForceAndIsSeenOnlyByThoseWhoMaySeeDrafts() {
        MatterHistory draft = new MatterHistory(List.of(v(1, MatterStatus.DRAFT, null, "30")));
        assertEquals(Optional.empty(), draft.inForceOn(LocalDate.parse("2030-01-01")));
        assertEquals(Optional.empty(), draft.latest(false));
        assertEquals(1, draft.latest(true).orElseThrow().version());
        assertEquals(Optional.empty(), draft.lastEffectiveFrom());
    }

    @Test
    void aRevisionEffectiveInTheFutureLeavesTheCurrentVersionInForceUntilThen() {
        MatterHistory scheduled = new MatterHistory(List.of(v(1, MatterStatus.PUBLISHED, "2020-04-27", "30"),
                v(2, MatterStatus.PUBLISHED, "2099-01-01", "20")));
        assertEquals(1, scheduled.inForceOn(LocalDate.parse("2025-01-01")).orElseThrow().version());
        assertEquals(2, scheduled.latest(false).orElseThrow().version());
        assertEquals(LocalDate.parse("2099-01-01"), scheduled.lastEffectiveFrom().orElseThrow());
    }
}
