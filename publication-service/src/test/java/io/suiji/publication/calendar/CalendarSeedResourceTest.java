package io.suiji.publication.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled calendar in the real test database: loaded once, corrected bundles replace bundled
 * years, an administrator's year is never overwritten, and history cannot be rewritten. Uses
 * years 2190–2191 only.
 */
@QuarkusTest
class CalendarSeedResourceTest {

    @Inject
    CalendarSeeder seeder;

    @Inject
    CalendarService calendars;

    @Inject
    EntityManager em;

    private static CalendarYearInput bundled(Integer year, String noticeId, String... daysOff) {
        return new CalendarYearInput(year, noticeId, List.of(), "test bundle", List.of(daysOff), List.of(), List.of());
    }

    @Test
    void aRestartLoadsNothingTwice() {
        assertEquals(0, seeder.seed());
        assertEquals(1, calendars.revisions(2020).size());
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026),
                calendars.calendar().years().keySet().stream().filter(y -> y <= 2026).toList());
    }

    @Test
    void aCorrectedBundleReplacesABundledYearButNeverAnAdministratorsYear() {
        assertEquals(1, calendars.seed(List.of(bundled(2190, "v1", "2190-01-01")), "seed:test"));
        assertEquals(1, calendars.seed(List.of(bundled(2190, "v2", "2190-01-01", "2190-01-02")), "seed:test"));
        assertEquals(0, calendars.seed(List.of(bundled(2190, "v2", "2190-01-01", "2190-01-02")), "seed:test"));
        assertEquals(2, calendars.latest(2190).orElseThrow().revision);

        calendars.load(2190, bundled(null, "admin", "2190-01-01"), "admin-city");
        assertEquals(0, calendars.seed(List.of(bundled(2190, "v3", "2190-01-03")), "seed:test"));
        CalendarYearRevision inForce = calendars.latest(2190).orElseThrow();
        assertEquals(3, inForce.revision);
        assertEquals("admin", inForce.noticeId);
        assertEquals(CalendarYearRevision.Origin.API, inForce.origin);
    }

    @Test
    void aBundledYearThatFailsTheChecksIsSkippedNotLoaded() {
        assertEquals(0, calendars.seed(List.of(bundled(2191, "bad", "2191-02-30")), "seed:test"));
        assertTrue(calendars.latest(2191).isEmpty());
    }

    @Test
    void theHistoryIsAppendOnly() {
        for (String sql : List.of("update calendar_year_revision set notice_id = 'forged' where year = 2020",
                "delete from calendar_year_revision where year = 2020")) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()));
            assertTrue(messages(e).contains("append-only"), () -> messages(e));
        }
        assertEquals("5454164", calendars.latest(2020).orElseThrow().noticeId);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
