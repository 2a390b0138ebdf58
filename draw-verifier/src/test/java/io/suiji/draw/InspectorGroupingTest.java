package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectorGroupingTest {
    private static final byte[] SEED = Fixtures.seed("inspector test");

    private static List<Selection> targets(int n) {
        List<Selection> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new Selection(i, "T" + i, "S", 0.1, false));
        }
        return list;
    }

    private static List<String> inspectors(int from, int to) {
        List<String> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(String.format("ZF-%04d", i));
        }
        return list;
    }

    @Test
    void groupsAreEligibleAtLeastTwoAndRespectTheCap() {
        List<Selection> targets = targets(60);
        Map<String, List<String>> eligible = new HashMap<>();
        for (Selection t : targets) {
            // Each target: a department pool of 8 inspectors, minus one with a declared conflict.
            int dept = t.ordinal() % 3;
            List<String> pool = new ArrayList<>(inspectors(dept * 8, dept * 8 + 8));
            pool.remove(t.ordinal() % 8);
            eligible.put(t.id(), pool);
        }
        GroupRules rules = new GroupRules(2, 6);
        List<InspectorGroup> groups = InspectorGrouping.assign(SEED, targets, eligible, rules);
        Map<String, Integer> load = new HashMap<>();
        for (InspectorGroup g : groups) {
            assertEquals(2, g.inspectors().size());
            assertEquals(2, g.inspectors().stream().distinct().count());
            assertTrue(eligible.get(g.targetId()).containsAll(g.inspectors()), "only eligible inspectors");
            g.inspectors().forEach(i -> load.merge(i, 1, Integer::sum));
        }
        assertTrue(load.values().stream().allMatch(l -> l <= 6), "cap respected: " + load);
        assertEquals(groups, InspectorGrouping.assign(SEED, targets, eligible, rules), "deterministic");
        assertEquals(groups.get(0).line(), "1:T1:" + String.join(",", groups.get(0).inspectors()));
    }

    @Test
    void firstTargetGetsTheFirstInspectorsInKeyOrder() {
        List<String> pool = inspectors(0, 10);
        List<InspectorGroup> groups = InspectorGrouping.assign(SEED, targets(1), Map.of("T1", pool),
            new GroupRules(3, 1));
        DrawKeys keys = new DrawKeys(SEED);
        List<String> expected = pool.stream()
            .sorted(Comparator.comparing(i -> keys.inspectorKey("T1", i), Arrays::compareUnsigned))
            .limit(3).toList();
        assertEquals(expected, groups.get(0).inspectors());
    }

    @Test
    void workloadCountsInSelectionOrderAndIncludesPriorWork() {
        // Two inspectors only, cap 1: the first target takes both, the second cannot be served.
        Map<String, List<String>> eligible = Map.of("T1", List.of("A", "B"), "T2", List.of("A", "B", "C"));
        InspectorGroupingException e = assertThrows(InspectorGroupingException.class,
            () -> InspectorGrouping.assign(SEED, targets(2), eligible, new GroupRules(2, 1)));
        assertEquals("T2", e.targetId());
        assertEquals(2, e.ordinal());
        assertEquals(3, e.eligibleCount());
        assertEquals(1, e.underCapCount());
        assertEquals("cannot form an inspector group of 2 for target T2 (selection #2): 3 eligible inspector(s), "
            + "1 of them under the workload cap of 1", e.getMessage());
        // Prior workload counts against the cap.
        assertThrows(InspectorGroupingException.class, () -> InspectorGrouping.assign(SEED, targets(1),
            Map.of("T1", List.of("A", "B", "C")), new GroupRules(2, 2, Map.of("A", 2, "B", 2))));
        List<InspectorGroup> ok = InspectorGrouping.assign(SEED, targets(1), Map.of("T1", List.of("A", "B", "C")),
            new GroupRules(2, 2, Map.of("A", 2)));
        assertEquals(List.of("B", "C"), ok.get(0).inspectors().stream().sorted().toList());
    }

    @Test
    void clearFailureWhenTooFewAreEligible() {
        InspectorGroupingException e = assertThrows(InspectorGroupingException.class,
            () -> InspectorGrouping.assign(SEED, targets(1), Map.of("T1", List.of("A")), new GroupRules(2, 5)));
        assertTrue(e.getMessage().contains("target T1") && e.getMessage().contains("1 eligible"));
        assertThrows(InspectorGroupingException.class,
            () -> InspectorGrouping.assign(SEED, targets(1), Map.of(), new GroupRules(2, 5)));
        assertThrows(IllegalArgumentException.class, () -> new GroupRules(1, 5));
        assertThrows(IllegalArgumentException.class, () -> InspectorGrouping.assign(SEED, targets(1),
            Map.of("T1", List.of("A", "A", "B")), new GroupRules(2, 5)));
        assertThrows(IllegalArgumentException.class, () -> InspectorGrouping.assign(SEED, targets(1),
            Map.of("T1", List.of("A,B", "C")), new GroupRules(2, 5)));
    }

    @Test
    void batchOrderIsAPermutationFixedByTheSeed() {
        List<String> batches = List.of("1", "2", "3", "4");
        List<String> order = BatchOrder.shuffle(SEED, batches);
        assertEquals(batches, order.stream().sorted().toList());
        assertEquals(order, BatchOrder.shuffle(SEED, List.of("4", "3", "2", "1")));
        DrawKeys keys = new DrawKeys(SEED);
        assertEquals(batches.stream().sorted(Comparator.comparing(b -> keys.key(DrawKeys.BATCH_ORDER, b),
            Arrays::compareUnsigned)).toList(), order);
    }
}
