package io.suiji.sampling.draw;

/**
 * Why an entity that matches a task's filter is left out of the draw (DESIGN §5), in the order the
 * reasons are checked; an entity is counted under the first that applies.
 */
public enum Exclusion {
    /** 已注销 */
    DEREGISTERED("deregistered"),
    /** 正在办理投诉举报等案件 — inspected as a targeted case, outside the random draw. */
    OPEN_CASE("open-case"),
    /** Already drawn by an earlier batch of the same task. */
    SELECTED_IN_EARLIER_BATCH("selected-in-earlier-batch"),
    /** Inspected for one of the task's matters within the exclusion window. */
    INSPECTED_WITHIN_WINDOW("inspected-within-window"),
    /** The draw's department has inspected it as often this year as its annual cap allows (avoid 执法扰民). */
    ANNUAL_CAP_REACHED("annual-cap-reached"),
    /**
     * No violation was found in it last year, and the department has inspected it this year as often as
     * the (lower) cap for such targets allows, e.g. once.
     */
    ANNUAL_CAP_WITHOUT_VIOLATION("annual-cap-without-violation");

    private final String label;

    Exclusion(String label) {
        this.label = label;
    }

    /** The reason as published in {@code DrawCommitted.exclusionsByReason}. */
    public String label() {
        return label;
    }
}
