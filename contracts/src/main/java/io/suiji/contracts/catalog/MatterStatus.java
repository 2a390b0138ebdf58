package io.suiji.contracts.catalog;

/** Lifecycle of a matter version. */
public enum MatterStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
