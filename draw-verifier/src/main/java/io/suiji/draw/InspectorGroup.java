package io.suiji.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * The inspector group of one selected target: the ordinal and id of the target, the inspectors that
 * were eligible for it (as published) and the chosen inspectors, in key order.
 */
public record InspectorGroup(int ordinal, String targetId, List<String> eligible, List<String> inspectors) {
    public InspectorGroup {
        eligible = List.copyOf(eligible);
        inspectors = List.copyOf(inspectors);
    }

    /** The digested line {@code ordinal:targetId:inspector1,inspector2,…}. */
    public String line() {
        return ordinal + ":" + targetId + ":" + String.join(",", inspectors);
    }

    /** SHA-256 of the lines {@code ordinal:targetId:inspectors\n} in order (lower-case hex). */
    public static String digest(List<InspectorGroup> groups) {
        List<String> lines = new ArrayList<>(groups.size());
        for (InspectorGroup g : groups) {
            lines.add(g.line());
        }
        return Sha256.digestOfLines(lines);
    }

    static void checkInspectorId(String id) {
        PopulationEntry.checkField("inspector id", id);
        if (id.indexOf(',') >= 0) {
            throw new IllegalArgumentException("inspector id '" + id + "' contains ','");
        }
    }
}
