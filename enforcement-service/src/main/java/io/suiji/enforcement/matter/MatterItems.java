package io.suiji.enforcement.matter;

import io.suiji.contracts.catalog.InspectionMethod;
import java.util.List;

/**
 * One matter version as an inspection needs it.
 *
 * @param texts   检查内容, in catalogue order (item n is {@code texts[n-1]})
 * @param methods 检查方式 the findings must name one of
 */
public record MatterItems(String code, int version, List<String> texts, List<InspectionMethod> methods) {

    public MatterItems {
        texts = List.copyOf(texts);
        methods = List.copyOf(methods);
    }

    /** What is known of a version that enforcement has not received: no texts, any method. */
    public static MatterItems unknown(String code, int version) {
        return new MatterItems(code, version, List.of(), List.of());
    }
}
