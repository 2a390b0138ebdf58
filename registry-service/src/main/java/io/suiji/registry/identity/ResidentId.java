package io.suiji.registry.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit division code, birth date YYYYMMDD, 3-digit sequence and a
 * check character (0–9 or X). The 15-digit numbers of the first generation (GB 11643-1989, birth
 * year without century) are converted to 18 characters as the police do. Personal data: never
 * published in full, see {@link PersonalIds}.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentId() {
    }

    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("the first 17 characters of an ID number are digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** Whether {@code raw} looks like an ID number at all (length and digits), valid or not. */
    public static boolean looksLikeOne(String raw) {
        String id = Codes.normalise(raw);
        return id.length() == 18 && Codes.allDigits(id, 0, 17)
                && (Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X');
    }

    /**
     * Returns the 18-character number (a 15-digit one converted) or throws saying what is wrong:
     * length, characters, division, birth date (a real day from 1900 to {@code today}), check
     * character (with the expected one).
     */
    public static String validate(String raw, LocalDate today) {
        String id = Codes.normalise(raw);
        if (id.length() == 15 && Codes.allDigits(id, 0, 15)) {
            id = withCheckCharacter(id.substring(0, 6) + "19" + id.substring(6));
        }
        if (id.length() != 18) {
            throw new InvalidCodeException("a 公民身份号码 has 18 characters (or 15 digits, first generation), this one has "
                    + id.length());
        }
        if (!Codes.allDigits(id, 0, 17)) {
            throw new InvalidCodeException("the first 17 characters of a 公民身份号码 are digits");
        }
        char last = id.charAt(17);
        if (!(Character.isDigit(last) || last == 'X')) {
            throw new InvalidCodeException("the last character of a 公民身份号码 is a digit or X, found '" + last + "'");
        }
        if (id.charAt(0) < '1' || id.charAt(0) > '8' || id.substring(2, 6).equals("0000")) {
            throw new InvalidCodeException("positions 1–6 of a 公民身份号码 must be a county-level division code, found "
                    + id.substring(0, 6));
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidCodeException("positions 7–14 of a 公民身份号码 must be the birth date YYYYMMDD, "
                    + id.substring(6, 14) + " is not a date");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw new InvalidCodeException("the birth date " + birth + " in a 公民身份号码 is not plausible (1900-01-01 to "
                    + today + ")");
        }
        char expected = checkCharacter(id);
        if (last != expected) {
            throw new InvalidCodeException("the check character (position 18) of the 公民身份号码 is " + last
                    + ", expected " + expected);
        }
        return id;
    }

    public static LocalDate birthDate(String validId) {
        return LocalDate.of(Integer.parseInt(validId.substring(6, 10)), Integer.parseInt(validId.substring(10, 12)),
                Integer.parseInt(validId.substring(12, 14)));
    }
}
