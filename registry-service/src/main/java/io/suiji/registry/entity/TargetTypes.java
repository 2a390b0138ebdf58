package io.suiji.registry.entity;

import java.util.List;
import java.util.Set;

/**
 * 检查对象 — the catalogue's vocabulary of target types (附件, column 检查对象). Only
 * 享受养老保险待遇人员 are natural persons, identified by resident ID number.
 */
public final class TargetTypes {

    public static final String PENSION_RECIPIENT = "享受养老保险待遇人员";

    public static final List<String> ALL = List.of(
            "人力资源服务机构",
            "技工院校",
            "职业技能鉴定机构",
            "民办培训机构",
            "劳务派遣单位和用工单位",
            "企业",
            "用人单位",
            "参保企业",
            PENSION_RECIPIENT);

    private static final Set<String> PERSONS = Set.of(PENSION_RECIPIENT);

    private TargetTypes() {
    }

    public static boolean known(String type) {
        return ALL.contains(type);
    }

    public static boolean isPerson(String type) {
        return PERSONS.contains(type);
    }
}
