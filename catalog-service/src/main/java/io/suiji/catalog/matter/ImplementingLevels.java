package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.ImplementingLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the levels at the start of a 实施层级 text: {@code 市、县人力资源社会保障部门} → city and county,
 * {@code 县（市、区）社保经办机构} → county, {@code 市级失业保险经办机构} → city.
 */
public final class ImplementingLevels {

    private static final List<String> COUNTY_FORMS = List.of("县（市、区）", "县(市、区)", "县");
    private static final String CONNECTORS = "、，,/和及 ";

    private ImplementingLevels() {
    }

    /** The levels {@code text} starts with, city before county; empty when it names none. */
    public static List<ImplementingLevel> of(String text) {
        List<ImplementingLevel> levels = new ArrayList<>();
        if (text == null) {
            return levels;
        }
        String rest = text.strip();
        while (!rest.isEmpty()) {
            ImplementingLevel level = null;
            if (rest.startsWith("市")) {
                level = ImplementingLevel.CITY;
                rest = rest.substring(1);
            } else {
                for (String form : COUNTY_FORMS) {
                    if (rest.startsWith(form)) {
                        level = ImplementingLevel.COUNTY;
                        rest = rest.substring(form.length());
                        break;
                    }
                }
            }
            if (level == null) {
                break;
            }
            if (rest.startsWith("级")) {
                rest = rest.substring(1);
            }
            if (!levels.contains(level)) {
                levels.add(level);
            }
            // A connector only counts when another level follows it: 市、县…, not 市、其他….
            String afterConnector = rest.isEmpty() || CONNECTORS.indexOf(rest.charAt(0)) < 0 ? null : rest.substring(1);
            if (afterConnector == null || !(afterConnector.startsWith("市") || afterConnector.startsWith("县"))) {
                break;
            }
            rest = afterConnector;
        }
        levels.sort(null);
        return levels;
    }
}
