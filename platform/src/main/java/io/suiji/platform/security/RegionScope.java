package io.suiji.platform.security;

/**
 * Which regions a caller may see (DESIGN §6), by GB/T 2260 code: a province ({@code 410000})
 * covers every code starting {@code 41}, a city ({@code 410400}) every code starting {@code 4104},
 * a county ({@code 410402}) only itself. Plain Java, so that the rule is tested on its own.
 */
public record RegionScope(String region) {

    public RegionScope {
        if (region == null || !region.matches("\\d{6}")) {
            throw new IllegalArgumentException("a region is a 6-digit GB/T 2260 code, got " + region);
        }
    }

    /** The code prefix shared by every region this scope covers. */
    public String prefix() {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        if (region.endsWith("00")) {
            return region.substring(0, 4);
        }
        return region;
    }

    public boolean covers(String other) {
        return other != null && other.startsWith(prefix());
    }

    /** City or province users supervise the levels below them. */
    public boolean isAboveCounty() {
        return region.endsWith("00");
    }
}
