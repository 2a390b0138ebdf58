package io.suiji.publication.publicresults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2020-10-29T10:00:00+08:00");

    @Test
    void aPersonsResultIsPublicForTwoYearsToTheMinute() {
        assertTrue(Retention.isPublic(PUBLISHED, true, PUBLISHED.plusYears(2).minusMinutes(1)));
        assertFalse(Retention.isPublic(PUBLISHED, true, PUBLISHED.plusYears(2)));
    }

    @Test
    void anOrganisationsResultIsPublicForFiveYears() {
        assertTrue(Retention.isPublic(PUBLISHED, false, PUBLISHED.plusYears(2).plusDays(1)));
        assertTrue(Retention.isPublic(PUBLISHED, false, PUBLISHED.plusYears(5).minusMinutes(1)));
        assertFalse(Retention.isPublic(PUBLISHED, false, PUBLISHED.plusYears(5)));
    }

    @Test
    void aResultPublishedOnTheTwentyNinthOfFebruaryStaysUntilTheFirstOfMarchTwoYearsLater() {
        // Two whole years have passed only once 29 February has gone by, although that year has none.
        OffsetDateTime leap = OffsetDateTime.parse("2024-02-29T09:00:00+08:00");
        assertTrue(Retention.isPublic(leap, true, OffsetDateTime.parse("2026-02-28T23:59:00+08:00")));
        assertFalse(Retention.isPublic(leap, true, OffsetDateTime.parse("2026-03-01T09:00:00+08:00")));
    }
}
