package io.suiji.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.platform.security.RegionScope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditReadScopeTest {

    @Test
    void aCityOrProvinceReadsTheWholeTrail() {
        assertEquals(new AuditReadScope(true, null), AuditReadScope.of(Optional.of(new RegionScope("410400"))));
        assertEquals(new AuditReadScope(true, null), AuditReadScope.of(Optional.of(new RegionScope("410000"))));
    }

    @Test
    void aCountyReadsOnlyItsOwnRegionsRows() {
        AuditReadScope county = AuditReadScope.of(Optional.of(new RegionScope("410402")));
        assertEquals(new AuditReadScope(false, "410402"), county);
        assertFalse(county.readsNothing());
    }

    @Test
    void aCallerWithoutARegionReadsNoRows() {
        assertTrue(AuditReadScope.of(Optional.empty()).readsNothing());
    }
}
