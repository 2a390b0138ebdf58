package io.suiji.registry.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.platform.security.RegionScope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void tenDivisionsAndTwoZonesUnderTheCity() {
        assertEquals(13, Regions.all().size());
        assertEquals(12, Regions.entityRegions().size());
        assertEquals(2, Regions.all().stream().filter(r -> !r.standard()).count());
        assertTrue(Regions.all().stream().allMatch(r -> r.code().matches("4104\\d\\d")));
    }

    @Test
    void regionsAreFoundByCodeOrByTheNameASpreadsheetUses() {
        assertEquals("410402", Regions.resolve("新华区").orElseThrow().code());
        assertEquals("410482", Regions.resolve("平顶山市汝州市").orElseThrow().code());
        assertEquals(Regions.HIGH_TECH_ZONE, Regions.resolve("高新区").orElseThrow().code());
        assertEquals(Regions.URBAN_RURAL_ZONE, Regions.resolve("城乡一体化示范区").orElseThrow().code());
        assertEquals("叶县", Regions.resolve(" 410422 ").orElseThrow().name());
        assertEquals(Optional.empty(), Regions.resolve("洛阳市"));
    }

    @Test
    void theCityCoversTheZonesAndCountiesDoNot() {
        RegionScope city = new RegionScope(Regions.CITY);
        RegionScope xinhua = new RegionScope("410402");
        for (Region region : Regions.all()) {
            assertTrue(city.covers(region.code()), region.name());
        }
        assertFalse(xinhua.covers(Regions.HIGH_TECH_ZONE));
        assertFalse(xinhua.covers("410403"));
        assertTrue(new RegionScope(Regions.URBAN_RURAL_ZONE).covers(Regions.URBAN_RURAL_ZONE));
    }
}
