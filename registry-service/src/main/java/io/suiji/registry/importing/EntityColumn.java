package io.suiji.registry.importing;

import java.util.List;

/**
 * The columns of an entity import (检查对象名录导入), documented in {@code docs/registry/import-format.md}.
 * The first four are required; an optional column left out of the file keeps what the registry
 * holds (for new entities: empty, 0 or 否); a column that is there but blank clears the value.
 */
public enum EntityColumn implements ImportColumn {
    CODE("统一社会信用代码或身份证号码", true, "统一社会信用代码/身份证号码", "统一社会信用代码（身份证号码）", "统一社会信用代码", "代码"),
    NAME("名称或姓名", true, "名称/姓名", "名称", "单位名称", "姓名"),
    TARGET_TYPES("检查对象类型", true, "检查对象"),
    REGION("行政区划", true, "行政区划代码", "所属区县", "所在地区"),
    ADDRESS("地址", false, "住所", "经营场所"),
    CREDIT_CLASS("信用等级", false, "诚信等级"),
    CREDIT_CLASS_DATE("信用等级评定日期", false, "评定日期"),
    COMPLAINTS("近12个月投诉举报次数", false, "投诉举报次数"),
    SERIOUS_VIOLATION("严重违法记录", false, "严重违法"),
    ABNORMAL_OPERATION("经营异常", false, "列入经营异常名录"),
    INSURED("参保", false, "是否参保"),
    REGISTERED_ON("登记日期", false, "成立日期"),
    DEREGISTERED_ON("注销日期", false);

    private final String header;
    private final boolean required;
    private final List<String> aliases;

    EntityColumn(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public boolean required() {
        return required;
    }
}
