package io.suiji.registry.inspector;

import io.suiji.contracts.registry.InspectorStatus;

/** Filters of an inspector search; null means "any". */
public record InspectorSearch(String region, String department, InspectorStatus status, String expertise,
        Boolean certified, String text) {
}
