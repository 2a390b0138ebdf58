package io.suiji.registry.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@link #CHARACTERS} — registering authority,
 * organisation type, the authority's division code (positions 3–8), the organisation code
 * (positions 9–17, with its own GB 11714 check) and the check character (position 18).
 */
public final class Uscc {

    /** The 31 characters of the code, valued 0–30 in this order (no I, O, S, V, Z). */
    public static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** w(i) = 3^(i−1) mod 31. */
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The check character (position 18) for the first 17 characters. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() < 17) {
            throw new IllegalArgumentException("the check character needs the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARACTERS.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a character of the code");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARACTERS.charAt(c == 31 ? 0 : c);
    }

    /** Completes 17 characters into a valid code (the generator and the tests build codes so). */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    public static boolean isValid(String code) {
        try {
            validate(code);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    /**
     * Returns the normalised code (half-width, upper case, no spaces) or throws with every reason
     * it is not a valid code; a wrong check character is reported with the expected one.
     */
    public static String validate(String raw) {
        String code = Codes.normalise(raw);
        if (code.length() != 18) {
            throw new InvalidCodeException("a 统一社会信用代码 has 18 characters, this one has " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                throw new InvalidCodeException("character '" + code.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed in a 统一社会信用代码 (0–9 and A–Z without I, O, S, V, Z)");
            }
        }
        List<String> problems = new ArrayList<>();
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            problems.add("check character (position 18) is " + code.charAt(17) + ", expected " + expected);
        }
        if (!Codes.allDigits(code, 2, 8)) {
            problems.add("positions 3–8 must be the 6-digit division code of the registering authority, found "
                    + code.substring(2, 8));
        }
        String organisation = code.substring(8, 17);
        if (!OrganizationCode.checks(organisation)) {
            problems.add("the 组织机构代码 in positions 9–17 (" + organisation.substring(0, 8) + "-"
                    + organisation.charAt(8) + ") has check character " + organisation.charAt(8) + ", expected "
                    + OrganizationCode.checkCharacter(organisation.substring(0, 8)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCodeException("统一社会信用代码 " + code + ": " + String.join("; ", problems));
        }
        return code;
    }

    /** 登记管理部门 of position 1 and 机构类别 of position 2, in words, where the standard names them. */
    public static String describe(String code) {
        String authority = switch (code.charAt(0)) {
            case '1' -> "机构编制";
            case '5' -> "民政";
            case '9' -> "工商（市场监管）";
            case 'Y' -> "其他";
            default -> "登记管理部门 " + code.charAt(0);
        };
        String type = switch (code.substring(0, 2)) {
            case "91" -> "企业";
            case "92" -> "个体工商户";
            case "93" -> "农民专业合作社";
            case "51" -> "社会团体";
            case "52" -> "民办非企业单位";
            case "53" -> "基金会";
            case "59" -> "其他";
            case "11" -> "机关";
            case "12" -> "事业单位";
            default -> "机构类别 " + code.charAt(1);
        };
        return authority + " / " + type;
    }
}
