package io.suiji.registry.importing;

import java.util.List;

/**
 * The columns of an inspector import (执法检查人员名录导入), upserted by 执法证号; documented in
 * {@code docs/registry/import-format.md}.
 */
public enum InspectorColumn implements ImportColumn {
    NAME("姓名", true),
    CERTIFICATE("执法证号", true, "执法证件号", "执法证编号"),
    DEPARTMENT("所属科室、单位", true, "科室", "所属单位", "科室、单位"),
    REGION("行政区划", true, "行政区划代码"),
    EXPERTISE("专业领域", false, "专长"),
    STATUS("状态", false, "人员状态"),
    LEAVES("请假期间", false, "请假"),
    CONFLICTS("利害关系申报", false, "利害关系");

    private final String header;
    private final boolean required;
    private final List<String> aliases;

    InspectorColumn(String header, boolean required, String... aliases) {
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
