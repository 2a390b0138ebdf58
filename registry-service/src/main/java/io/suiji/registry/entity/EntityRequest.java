package io.suiji.registry.entity;

import io.suiji.contracts.registry.CreditClass;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of registering or updating an entity; on update an absent code keeps the current one. */
@Schema(description = "检查对象：登记或更新")
public record EntityRequest(
        @Schema(description = "统一社会信用代码、注册号（15位）、组织机构代码（9位），个人为公民身份号码", example = "91410400MA40A1B2X2")
        String code,
        @Schema(description = "名称（个人为姓名）", example = "平顶山市某某人力资源有限公司") String name,
        @Schema(description = "检查对象类型，取自抽查事项清单", example = "[\"人力资源服务机构\"]") List<String> targetTypes,
        @Schema(description = "行政区划代码", example = "410402") String region,
        @Schema(description = "地址") String address,
        @Schema(description = "信用等级 A/B/C/D") CreditClass creditClass,
        @Schema(description = "信用等级评定日期") LocalDate creditClassDate,
        @Schema(description = "近12个月投诉举报次数，默认0") Integer complaintsLast12Months,
        @Schema(description = "有严重违法记录") Boolean seriousViolation,
        @Schema(description = "列入经营异常名录") Boolean abnormalOperation,
        @Schema(description = "参保单位") Boolean insured,
        @Schema(description = "登记（成立）日期") LocalDate registeredOn) {

    public EntityFacts facts() {
        return new EntityFacts(name, targetTypes, region, address, creditClass, creditClassDate,
                complaintsLast12Months == null ? 0 : complaintsLast12Months, Boolean.TRUE.equals(seriousViolation),
                Boolean.TRUE.equals(abnormalOperation), Boolean.TRUE.equals(insured), registeredOn);
    }
}
