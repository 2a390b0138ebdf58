package io.suiji.registry.identity;

import io.suiji.contracts.registry.CodeKind;
import java.time.LocalDate;

/**
 * The identifier of an organisation in the registry, recognised for what it is. Legacy
 * identifiers are kept and labelled, not rejected: a 15-digit 注册号 from before the unified code,
 * or a 9-character 组织机构代码.
 */
public record EntityCode(String value, CodeKind kind) {

    /** The Chinese name of a kind of code, as registrars know it. */
    public static String label(CodeKind kind) {
        return switch (kind) {
            case USCC -> "统一社会信用代码";
            case REGISTRATION_NUMBER -> "注册号（旧，15位）";
            case ORGANIZATION_CODE -> "组织机构代码（旧，9位）";
            case RESIDENT_ID_HASH -> "公民身份号码";
        };
    }

    public String label() {
        return label(kind);
    }

    /**
     * Recognises the code of an organisation: an 18-character unified social credit code (checked),
     * a 15-digit registration number, or a 9-character organisation code (checked, hyphen optional).
     */
    public static EntityCode ofOrganisation(String raw, LocalDate today) {
        String code = Codes.normalise(raw);
        if (code.isEmpty()) {
            throw new InvalidCodeException("the code is required");
        }
        if (code.length() == 18) {
            try {
                return new EntityCode(Uscc.validate(code), CodeKind.USCC);
            } catch (InvalidCodeException notUscc) {
                if (isResidentId(code, today)) {
                    throw new InvalidCodeException("this is a 公民身份号码, not a 统一社会信用代码: an individual is registered"
                            + " with the target type 享受养老保险待遇人员");
                }
                throw notUscc;
            }
        }
        if (code.length() == 15 && Codes.allDigits(code, 0, 15)) {
            return new EntityCode(code, CodeKind.REGISTRATION_NUMBER);
        }
        String withoutHyphen = code.replace("-", "").replace("－", "");
        if (withoutHyphen.length() == 9 && (code.length() == 9 || code.indexOf('-') == 8 || code.indexOf('－') == 8)) {
            return new EntityCode(OrganizationCode.validate(withoutHyphen), CodeKind.ORGANIZATION_CODE);
        }
        throw new InvalidCodeException("not a 统一社会信用代码 (18 characters), a 注册号 (15 digits) or a 组织机构代码"
                + " (9 characters): " + code.length() + " characters");
    }

    private static boolean isResidentId(String code, LocalDate today) {
        try {
            ResidentId.validate(code, today);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }
}
