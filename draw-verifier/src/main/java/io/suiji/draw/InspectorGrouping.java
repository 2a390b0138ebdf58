package io.suiji.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inspector groups from the draw's seed (SUIJI-SHA256-1 §12). The service decides who is eligible
 * for each target (certified, active on the batch dates, matching expertise, department and level,
 * no declared conflict, not the previous inspector); this class only orders and picks, so that the
 * published eligible lists are enough to re-compute the groups.
 */
public final class InspectorGrouping {

    private InspectorGrouping() {
    }

    /**
     * Targets in selection order; for each, its eligible inspectors sorted by
     * SHA-256(S ‖ "inspector" ‖ 0x00 ‖ targetId ‖ 0x00 ‖ inspectorId) (ties by id); the first
     * {@code groupSize} whose running workload is under the cap form the group.
     *
     * @param selection       the targets, in draw order (control targets included)
     * @param eligibleByTarget the eligible inspector ids of every target (order irrelevant)
     * @throws InspectorGroupingException if a target cannot get a full group
     */
    public static List<InspectorGroup> assign(byte[] seed, List<Selection> selection,
                                              Map<String, ? extends List<String>> eligibleByTarget,
                                              GroupRules rules) {
        DrawKeys keys = new DrawKeys(seed);
        Map<String, Integer> workload = new HashMap<>(rules.priorWorkload());
        Set<String> targets = new HashSet<>();
        List<InspectorGroup> groups = new ArrayList<>(selection.size());
        for (Selection target : selection) {
            if (!targets.add(target.id())) {
                throw new IllegalArgumentException("target " + target.id() + " is selected twice");
            }
            List<String> eligible = eligibleByTarget.get(target.id());
            if (eligible == null) {
                eligible = List.of();
            }
            String[] ids = eligible.toArray(new String[0]);
            byte[][] order = new byte[ids.length][];
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.length; i++) {
                InspectorGroup.checkInspectorId(ids[i]);
                if (!seen.add(ids[i])) {
                    throw new IllegalArgumentException("inspector " + ids[i] + " is listed twice as eligible for target "
                        + target.id());
                }
                order[i] = keys.inspectorKey(target.id(), ids[i]);
            }
            Integer[] index = new Integer[ids.length];
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
            Arrays.sort(index, (a, b) -> {
                int c = Arrays.compareUnsigned(order[a], order[b]);
                return c != 0 ? c : Population.BYTE_ORDER.compare(ids[a], ids[b]);
            });
            List<String> group = new ArrayList<>(rules.groupSize());
            int underCap = 0;
            for (Integer i : index) {
                if (workload.getOrDefault(ids[i], 0) < rules.workloadCap()) {
                    underCap++;
                    if (group.size() < rules.groupSize()) {
                        group.add(ids[i]);
                    }
                }
            }
            if (group.size() < rules.groupSize()) {
                throw new InspectorGroupingException(target.id(), target.ordinal(), ids.length, underCap,
                    rules.groupSize(), rules.workloadCap());
            }
            for (String inspector : group) {
                workload.merge(inspector, 1, Integer::sum);
            }
            groups.add(new InspectorGroup(target.ordinal(), target.id(), eligible, group));
        }
        return groups;
    }
}
