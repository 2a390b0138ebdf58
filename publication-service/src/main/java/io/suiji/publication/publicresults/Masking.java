package io.suiji.publication.publicresults;

/** How personal data appears on public pages (DESIGN §6): natural persons' names partially masked. */
public final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the first character kept, every other one replaced by {@code *}. */
    public static String personName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String stripped = name.strip();
        int first = stripped.offsetByCodePoints(0, 1);
        int rest = stripped.codePointCount(first, stripped.length());
        return stripped.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }
}
