package io.suiji.draw;

/**
 * No valid inspector group exists for a target: fewer than {@code groupSize} of its eligible
 * inspectors are still under the workload cap. sampling-service answers 422 with these numbers.
 */
public class InspectorGroupingException extends DrawException {
    private final String targetId;
    private final int ordinal;
    private final int eligibleCount;
    private final int underCapCount;
    private final int groupSize;
    private final int workloadCap;

    public InspectorGroupingException(String targetId, int ordinal, int eligibleCount, int underCapCount,
                                      int groupSize, int workloadCap) {
        super("cannot form an inspector group of " + groupSize + " for target " + targetId + " (selection #"
            + ordinal + "): " + eligibleCount + " eligible inspector(s), " + underCapCount
            + " of them under the workload cap of " + workloadCap);
        this.targetId = targetId;
        this.ordinal = ordinal;
        this.eligibleCount = eligibleCount;
        this.underCapCount = underCapCount;
        this.groupSize = groupSize;
        this.workloadCap = workloadCap;
    }

    public String targetId() {
        return targetId;
    }

    public int ordinal() {
        return ordinal;
    }

    public int eligibleCount() {
        return eligibleCount;
    }

    public int underCapCount() {
        return underCapCount;
    }

    public int groupSize() {
        return groupSize;
    }

    public int workloadCap() {
        return workloadCap;
    }
}
