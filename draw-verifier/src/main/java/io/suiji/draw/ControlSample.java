package io.suiji.draw;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The optional control sample (对照样本): {@code count} entities drawn uniformly, with the domain
 * {@code control}, from the listed (low-risk) strata among those the main draw did not select.
 */
public record ControlSample(SortedSet<String> strata, int count) {
    public ControlSample {
        if (count < 0) {
            throw new IllegalArgumentException("control count must not be negative");
        }
        TreeSet<String> copy = new TreeSet<>(Population.BYTE_ORDER);
        for (String s : strata) {
            PopulationEntry.checkField("control stratum", s);
            copy.add(s);
        }
        if (copy.isEmpty() && count > 0) {
            throw new IllegalArgumentException("a control sample needs at least one stratum");
        }
        strata = Collections.unmodifiableSortedSet(copy);
    }

    public static ControlSample of(int count, String... strata) {
        TreeSet<String> set = new TreeSet<>(Population.BYTE_ORDER);
        Collections.addAll(set, strata);
        return new ControlSample(set, count);
    }
}
