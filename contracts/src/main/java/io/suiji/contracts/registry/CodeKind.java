package io.suiji.contracts.registry;

/** What kind of identifier {@link EntityState#code()} is. */
public enum CodeKind {
    /** 统一社会信用代码 (GB 32100-2015). */
    USCC,
    /** 注册号, for entities registered before the unified code. */
    REGISTRATION_NUMBER,
    /** 组织机构代码 */
    ORGANIZATION_CODE,
    /**
     * A keyed hash of a natural person's resident ID number (身份证号). The clear number never
     * leaves the registry.
     */
    RESIDENT_ID_HASH
}
