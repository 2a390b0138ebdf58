package io.suiji.registry.entity;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;

/**
 * Filters of an entity search; null means "any". {@code registered}: true registered only
 * (default), false deregistered only, null both.
 */
public record EntitySearch(
        String region,
        String targetType,
        CreditClass creditClass,
        CodeKind codeKind,
        String text,
        Boolean registered,
        Boolean seriousViolation,
        Boolean abnormalOperation,
        Boolean insured,
        Integer minComplaints) {
}
