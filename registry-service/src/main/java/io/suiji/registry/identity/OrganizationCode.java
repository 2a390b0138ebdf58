package io.suiji.registry.identity;

/**
 * 组织机构代码 (GB 11714): eight characters (digits and capital letters) and a check character,
 * often printed {@code XXXXXXXX-X}. Positions 9–17 of every unified social credit code are one.
 */
public final class OrganizationCode {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrganizationCode() {
    }

    /** The check character of the eight-character body; {@code body} must be digits and A–Z. */
    public static char checkCharacter(String body) {
        if (body.length() != 8) {
            throw new IllegalArgumentException("the body of an organisation code has 8 characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = value(body.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + body.charAt(i) + "' is not a digit or capital letter");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /**
     * Validates a stand-alone organisation code, with or without the hyphen; returns it as nine
     * characters without the hyphen.
     */
    public static String validate(String raw) {
        String code = Codes.normalise(raw).replace("-", "").replace("－", "");
        if (code.length() != 9) {
            throw new InvalidCodeException("an 组织机构代码 has 9 characters (8 and a check character), this one has "
                    + code.length());
        }
        for (int i = 0; i < 8; i++) {
            if (value(code.charAt(i)) < 0) {
                throw new InvalidCodeException("character '" + code.charAt(i) + "' at position " + (i + 1)
                        + " of the 组织机构代码 is not a digit or a capital letter");
            }
        }
        char expected = checkCharacter(code.substring(0, 8));
        if (code.charAt(8) != expected) {
            throw new InvalidCodeException("the check character of 组织机构代码 " + code.substring(0, 8) + "-"
                    + code.charAt(8) + " is " + code.charAt(8) + ", expected " + expected);
        }
        return code;
    }

    /** Whether the last of nine characters is the right check character for the first eight. */
    static boolean checks(String nine) {
        for (int i = 0; i < 8; i++) {
            if (value(nine.charAt(i)) < 0) {
                return false;
            }
        }
        return nine.charAt(8) == checkCharacter(nine.substring(0, 8));
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return 10 + c - 'A';
        }
        return -1;
    }
}
