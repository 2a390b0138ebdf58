package io.suiji.contracts.registry;

/** Only {@code ACTIVE} inspectors are drawn. */
public enum InspectorStatus {
    ACTIVE,
    ON_LEAVE,
    RETIRED
}
