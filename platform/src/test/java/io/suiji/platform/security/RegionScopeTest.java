package io.suiji.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionScopeTest {

    @Test
    void aCitySeesEveryCountyOfItsOwnAndNoOtherCity() {
        var pingdingshan = new RegionScope("410400");
        assertTrue(pingdingshan.covers("410400"));
        assertTrue(pingdingshan.covers("410402"));
        assertTrue(pingdingshan.covers("410482"));
        assertFalse(pingdingshan.covers("410302"), "洛阳市涧西区 belongs to another city");
        assertTrue(pingdingshan.isAboveCounty());
    }

    @Test
    void aCountySeesOnlyItself() {
        var xinhua = new RegionScope("410402");
        assertTrue(xinhua.covers("410402"));
        assertFalse(xinhua.covers("410403"));
        assertFalse(xinhua.covers("410400"), "a county does not see city-level records");
        assertFalse(xinhua.isAboveCounty());
        assertFalse(xinhua.covers(null));
    }

    @Test
    void aProvinceSeesItsCities() {
        var henan = new RegionScope("410000");
        assertTrue(henan.covers("410402"));
        assertTrue(henan.covers("410100"));
        assertFalse(henan.covers("420100"));
    }

    @Test
    void aRegionIsASixDigitCode() {
        assertThrows(IllegalArgumentException.class, () -> new RegionScope("4104"));
        assertThrows(IllegalArgumentException.class, () -> new RegionScope("41040X"));
        assertThrows(IllegalArgumentException.class, () -> new RegionScope(null));
    }
}
