package io.suiji.contracts.registry;

import io.suiji.contracts.Copies;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 检查对象 — the full state of an entity of the registry (名录库). Registry events carry it whole
 * because {@code registry.entities} is compacted.
 *
 * @param id                     UUID text; the Kafka key
 * @param code                   for natural persons a keyed hash, never the clear ID number
 * @param region                 6-digit GB/T 2260 division code
 * @param creditClass            null when not graded
 * @param complaintsLast12Months 投诉举报 received in the last twelve months
 * @param seriousViolation       has a serious-violation record (严重违法)
 * @param abnormalOperation      listed as abnormal operation (经营异常)
 * @param insured                参保单位
 * @param deregisteredOn         null while registered
 * @param lastInspectedByMatter  matter code → date of the last inspection for that matter
 * @param inspectionsThisYear    inspections in {@code inspectionsYear}, for the annual cap
 */
public record EntityState(
        String id,
        String code,
        CodeKind codeKind,
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
        LocalDate registeredOn,
        LocalDate deregisteredOn,
        Map<String, LocalDate> lastInspectedByMatter,
        int inspectionsThisYear,
        int inspectionsYear) {

    public EntityState {
        targetTypes = Copies.list(targetTypes);
        lastInspectedByMatter = Copies.map(lastInspectedByMatter);
    }
}
