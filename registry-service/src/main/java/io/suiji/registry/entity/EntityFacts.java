package io.suiji.registry.entity;

import io.suiji.contracts.registry.CreditClass;
import java.time.LocalDate;
import java.util.List;

/**
 * What a registrar states about a 检查对象 — everything but its identity and its inspection
 * history, which comes from {@code InspectionClosed} events.
 */
public record EntityFacts(
        String name,
        List<String> targetTypes,
        String region,
        String address,
        CreditClass creditClass,
        LocalDate creditClassDate,
        int complaintsLast12Months,
        boolean seriousViolation,
        boolean abnormalOperation,
        boolean insured,
        LocalDate registeredOn) {

    public EntityFacts {
        targetTypes = targetTypes == null ? List.of() : List.copyOf(targetTypes);
    }

    public boolean person() {
        return targetTypes.stream().anyMatch(TargetTypes::isPerson);
    }
}
