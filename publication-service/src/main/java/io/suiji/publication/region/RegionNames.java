package io.suiji.publication.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 行政区划名称: the names the public site and the dashboard show for region codes. The data is copied
 * from the project reference (shared/reference/uscc.md, "Pingdingshan (平顶山市, 410400) divisions
 * (GB/T 2260)"); the two zones have no GB/T 2260 code and carry the suite's own codes 410471 and 410472,
 * as registry-service assigns them (docs/registry/regions.md). A copy, not a call to registry-service,
 * because the public site must render without it. An unknown code is shown as the code.
 */
public final class RegionNames {

    /** One region a visitor may pick. */
    public record Region(String code, String name) {
    }

    private static final List<Region> ALL = List.of(
            new Region("410400", "平顶山市"),
            new Region("410402", "新华区"),
            new Region("410403", "卫东区"),
            new Region("410404", "石龙区"),
            new Region("410411", "湛河区"),
            new Region("410421", "宝丰县"),
            new Region("410422", "叶县"),
            new Region("410423", "鲁山县"),
            new Region("410425", "郏县"),
            new Region("410481", "舞钢市"),
            new Region("410482", "汝州市"),
            new Region("410471", "高新区"),
            new Region("410472", "城乡一体化示范区"));

    private static final Map<String, String> BY_CODE = new LinkedHashMap<>();

    static {
        ALL.forEach(r -> BY_CODE.put(r.code(), r.name()));
    }

    private RegionNames() {
    }

    /** The city first, then its divisions in code order, then the two zones. */
    public static List<Region> all() {
        return ALL;
    }

    /** {@code 新华区} for {@code 410402}; the code itself when unknown; empty for none. */
    public static String name(String code) {
        if (code == null) {
            return "";
        }
        return BY_CODE.getOrDefault(code, code);
    }

    /** {@code 新华区（410402）}, or the code alone when unknown. */
    public static String withCode(String code) {
        if (code == null) {
            return "";
        }
        String name = BY_CODE.get(code);
        return name == null ? code : name + "（" + code + "）";
    }
}
