package io.suiji.registry.identity;

import java.text.Normalizer;
import java.util.Locale;

/** Clean-up shared by the code checks: what a clerk types or Excel exports is rarely exactly the code. */
final class Codes {

    private Codes() {
    }

    /**
     * Full-width characters to half-width (NFKC), white space and the usual separators removed,
     * letters upper-case: {@code "９１４１ ０４００-…"} reads as {@code "914104..."}.
     */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        if (printableAscii(raw)) { // the usual case, without the cost of NFKC
            return raw.toUpperCase(Locale.ROOT);
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
