package io.suiji.draw;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How inspector groups (执法检查组) are formed: {@code groupSize} ≥ 2 inspectors per target, each
 * inspector on at most {@code workloadCap} targets counting {@code priorWorkload} (targets already
 * assigned before this draw; absent means 0).
 */
public record GroupRules(int groupSize, int workloadCap, Map<String, Integer> priorWorkload) {
    public GroupRules {
        if (groupSize < 2) {
            throw new IllegalArgumentException("an inspector group needs at least 2 inspectors, got " + groupSize);
        }
        if (workloadCap < 1) {
            throw new IllegalArgumentException("the workload cap must be at least 1, got " + workloadCap);
        }
        TreeMap<String, Integer> copy = new TreeMap<>(Population.BYTE_ORDER);
        if (priorWorkload != null) {
            priorWorkload.forEach((id, load) -> {
                InspectorGroup.checkInspectorId(id);
                if (load == null || load < 0) {
                    throw new IllegalArgumentException("prior workload of " + id + " must not be negative");
                }
                copy.put(id, load);
            });
        }
        priorWorkload = Collections.unmodifiableSortedMap(copy);
    }

    public GroupRules(int groupSize, int workloadCap) {
        this(groupSize, workloadCap, Map.of());
    }
}
