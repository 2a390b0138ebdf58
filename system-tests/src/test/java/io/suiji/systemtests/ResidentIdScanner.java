package io.suiji.systemtests;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds resident ID numbers (公民身份号码, GB 11643) in any text — a page, an event, a log line —
 * written independently of the registry's own validator so that the check does not share its bugs.
 * An 18-character number counts when its division looks real, its birth date is a real day from
 * 1900 to today and its check character is right: that is what keeps 18-digit unified social credit
 * codes and other long numbers out. A 15-digit first-generation number has no check character, so it
 * counts on a plausible birth date alone, unless it carries the ISO 7064 MOD 11,10 check digit of a
 * 15-digit 注册号 (companies' legacy registration numbers, public by law) — one real legacy ID in ten
 * is missed that way, which the scan for the known numbers of the test's own data makes up for.
 */
final class ResidentIdScanner {

    private static final Pattern LONG = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern LEGACY = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{14}(?![0-9A-Za-z])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdScanner() {
    }

    /** Every ID number in {@code text}, in order of appearance. */
    static List<String> find(CharSequence text) {
        List<String> found = new ArrayList<>();
        LocalDate today = LocalDate.now();
        Matcher m = LONG.matcher(text);
        while (m.find()) {
            String id = m.group().toUpperCase();
            if (division(id) && birthDate(id.substring(6, 14), today) && id.charAt(17) == checkCharacter(id)) {
                found.add(id);
            }
        }
        m = LEGACY.matcher(text);
        while (m.find()) {
            String id = m.group();
            if (division(id) && birthDate("19" + id.substring(6, 12), today) && !registrationNumber(id)) {
                found.add(id);
            }
        }
        return found;
    }

    static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    // Positions 1–6: a division code below province level (the first digit, 1–8, is in the pattern).
    private static boolean division(String id) {
        return !id.substring(2, 6).equals("0000");
    }

    private static boolean birthDate(String yyyymmdd, LocalDate today) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return !birth.isBefore(LocalDate.of(1900, 1, 1)) && !birth.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }

    // ISO 7064 MOD 11,10, the check digit of 15-digit 注册号 (GS 15-2006).
    static boolean registrationNumber(String digits) {
        int p = 10;
        for (int i = 0; i < 14; i++) {
            int s = (p + (digits.charAt(i) - '0')) % 10;
            p = (s == 0 ? 10 : s) * 2 % 11;
        }
        return (11 - p) % 10 == digits.charAt(14) - '0';
    }
}
