package io.suiji.registry.importing;

/** The caller's choice of what happens to a file with bad rows (DESIGN §7: nothing is half-applied silently). */
public enum ImportMode {
    /** One bad row and nothing is applied; every bad row is reported. */
    ALL_OR_NOTHING,
    /** Good rows are applied; every bad row is reported with its reason. */
    KEEP_GOOD_ROWS
}
