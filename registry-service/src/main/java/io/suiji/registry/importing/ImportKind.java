package io.suiji.registry.importing;

/** What an import file holds. */
public enum ImportKind {
    /** 检查对象, upserted by code */
    ENTITIES,
    /** 执法检查人员, upserted by 执法证号 */
    INSPECTORS;

    /** The columns of this kind of file, as an error message names them. */
    public String expectedHeaders() {
        return this == ENTITIES ? HeaderMap.expected(EntityColumn.class) : HeaderMap.expected(InspectorColumn.class);
    }
}
