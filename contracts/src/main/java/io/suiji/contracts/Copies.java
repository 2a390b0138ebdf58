package io.suiji.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the event records' compact constructors. An absent collection becomes an
 * empty one, so consumers never see {@code null} where the schema says array or object, and an
 * event cannot change after it was built.
 */
public final class Copies {

    private Copies() {
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Keeps the iteration order (e.g. exclusion reasons in the order they were applied). */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
