package io.suiji.registry.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regions of 平顶山市 (410400): its ten GB/T 2260 divisions and the two zones the 2020 plan
 * also addresses, 城乡一体化示范区 and 高新区, which have no GB/T 2260 code. The zones get codes of
 * the suite's own in the 71–79 range of the city, which GB/T 2260 leaves unused for counties (the
 * statistical division codes use that range for development zones), so that region scoping by
 * prefix works for them unchanged: a city user ({@code 410400}) covers them, county users do not.
 */
public final class Regions {

    public static final String CITY = "410400";
    public static final String HIGH_TECH_ZONE = "410471";
    public static final String URBAN_RURAL_ZONE = "410472";

    private static final List<Region> ALL = List.of(
            new Region(CITY, "平顶山市", Region.Kind.CITY, true),
            new Region("410402", "新华区", Region.Kind.DISTRICT, true),
            new Region("410403", "卫东区", Region.Kind.DISTRICT, true),
            new Region("410404", "石龙区", Region.Kind.DISTRICT, true),
            new Region("410411", "湛河区", Region.Kind.DISTRICT, true),
            new Region("410421", "宝丰县", Region.Kind.COUNTY, true),
            new Region("410422", "叶县", Region.Kind.COUNTY, true),
            new Region("410423", "鲁山县", Region.Kind.COUNTY, true),
            new Region("410425", "郏县", Region.Kind.COUNTY, true),
            new Region("410481", "舞钢市", Region.Kind.COUNTY_LEVEL_CITY, true),
            new Region("410482", "汝州市", Region.Kind.COUNTY_LEVEL_CITY, true),
            new Region(HIGH_TECH_ZONE, "高新区", Region.Kind.ZONE, false),
            new Region(URBAN_RURAL_ZONE, "城乡一体化示范区", Region.Kind.ZONE, false));

    private static final Map<String, Region> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, Region> BY_NAME = new LinkedHashMap<>();

    static {
        for (Region region : ALL) {
            BY_CODE.put(region.code(), region);
            BY_NAME.put(region.name(), region);
            if (region.kind() != Region.Kind.CITY) {
                BY_NAME.put("平顶山市" + region.name(), region);
            }
        }
        BY_NAME.put("平顶山高新区", BY_CODE.get(HIGH_TECH_ZONE));
        BY_NAME.put("平顶山高新技术产业开发区", BY_CODE.get(HIGH_TECH_ZONE));
        BY_NAME.put("高新技术产业开发区", BY_CODE.get(HIGH_TECH_ZONE));
        BY_NAME.put("示范区", BY_CODE.get(URBAN_RURAL_ZONE));
    }

    private Regions() {
    }

    /** The city first, then its divisions in code order, then the two zones. */
    public static List<Region> all() {
        return ALL;
    }

    /** The regions that hold entities: every region but the city as a whole. */
    public static List<Region> entityRegions() {
        return ALL.stream().filter(Region::holdsEntities).toList();
    }

    public static Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code.strip()));
    }

    /** By code ({@code 410402}) or by name as a spreadsheet writes it ({@code 新华区}, {@code 平顶山市新华区}). */
    public static Optional<Region> resolve(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String text = codeOrName.strip();
        Region region = BY_CODE.get(text);
        return Optional.ofNullable(region != null ? region : BY_NAME.get(text));
    }

    public static String nameOf(String code) {
        return byCode(code).map(Region::name).orElse(null);
    }
}
