package io.suiji.registry.region;

/**
 * A region of the city, by its six-digit code.
 *
 * @param standard whether the code is a GB/T 2260 code; the two zones carry codes of the suite's
 *                 own (see {@code docs/registry/regions.md})
 */
public record Region(String code, String name, Kind kind, boolean standard) {

    /** 行政区划层级 */
    public enum Kind {
        /** 地级市 */
        CITY,
        /** 市辖区 */
        DISTRICT,
        /** 县 */
        COUNTY,
        /** 县级市 */
        COUNTY_LEVEL_CITY,
        /** 功能区 (示范区、高新区): administered by the city, not a GB/T 2260 division */
        ZONE
    }

    /** Whether entities can be located here (every division and zone, not the city as a whole). */
    public boolean holdsEntities() {
        return kind != Kind.CITY;
    }
}
