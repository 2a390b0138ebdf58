package io.suiji.registry.entity;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.registry.identity.EntityCode;
import io.suiji.registry.region.Regions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entity as the API shows it. For an individual, {@code code} is the keyed hash that events
 * carry and {@code residentId} the ID number — in clear for registrars and admins, masked for
 * everyone else.
 */
@Schema(description = "检查对象")
public record EntityView(
        String id,
        @Schema(description = "代码；个人为公民身份号码的密钥散列（与事件中一致）") String code,
        CodeKind codeKind,
        @Schema(description = "代码类型的中文名称，如“注册号（旧，15位）”") String codeLabel,
        @Schema(description = "公民身份号码：登记员、管理员可见全文，其他角色为掩码；单位为空") String residentId,
        String name,
        List<String> targetTypes,
        String region,
        String regionName,
        String address,
        CreditClass creditClass,
        LocalDate creditClassDate,
        int complaintsLast12Months,
        boolean seriousViolation,
        boolean abnormalOperation,
        boolean insured,
        LocalDate registeredOn,
        LocalDate deregisteredOn,
        String deregistrationReason,
        @Schema(description = "各抽查事项最近一次检查日期") Map<String, LocalDate> lastInspectedByMatter,
        @Schema(description = "inspectionsYear 年度内的检查次数") int inspectionsThisYear,
        int inspectionsYear,
        long version,
        String updatedBy,
        OffsetDateTime updatedAt) {

    /** @param clearResidentId the opened ID number when the caller may see it, else null (masked) */
    public static EntityView of(EntityRecord e, String clearResidentId) {
        String residentId = e.codeKind == CodeKind.RESIDENT_ID_HASH
                ? (clearResidentId != null ? clearResidentId : e.residentIdMasked)
                : null;
        return new EntityView(e.id.toString(), e.code, e.codeKind, EntityCode.label(e.codeKind), residentId, e.name,
                e.targetTypes, e.region, Regions.nameOf(e.region), e.address, e.creditClass, e.creditClassDate,
                e.complaintsLast12Months, e.seriousViolation, e.abnormalOperation, e.insured, e.registeredOn,
                e.deregisteredOn, e.deregistrationReason, e.lastInspections(), e.inspectionsThisYear, e.inspectionsYear,
                e.version, e.updatedBy, e.updatedAt);
    }
}
