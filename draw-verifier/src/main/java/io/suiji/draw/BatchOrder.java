package io.suiji.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The order of a task's batches (批次), drawn from the seed when a KEY matter is sampled at a high
 * ratio: labels sorted by SHA-256(S ‖ "batch-order" ‖ 0x00 ‖ UTF-8(label)), ties by label.
 */
public final class BatchOrder {

    private BatchOrder() {
    }

    public static List<String> shuffle(byte[] seed, List<String> batches) {
        DrawKeys keys = new DrawKeys(seed);
        if (new HashSet<>(batches).size() != batches.size()) {
            throw new IllegalArgumentException("batch labels must be distinct: " + batches);
        }
        List<String> labels = new ArrayList<>(batches);
        List<byte[]> order = new ArrayList<>();
        for (String label : labels) {
            PopulationEntry.checkField("batch label", label);
            order.add(keys.key(DrawKeys.BATCH_ORDER, label));
        }
        Integer[] index = new Integer[labels.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Arrays.sort(index, (a, b) -> {
            int c = Arrays.compareUnsigned(order.get(a), order.get(b));
            return c != 0 ? c : Population.BYTE_ORDER.compare(labels.get(a), labels.get(b));
        });
        List<String> result = new ArrayList<>(labels.size());
        for (Integer i : index) {
            result.add(labels.get(i));
        }
        return result;
    }
}
