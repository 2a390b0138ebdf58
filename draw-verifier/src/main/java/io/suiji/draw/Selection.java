package io.suiji.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * One selected entity, in draw order: ordinal (from 1), id, stratum, inclusion probability (exact
 * k_h/N_h in uniform mode, the documented approximation in weighted mode, conditional for the
 * control sample) and whether it belongs to the control sample.
 */
public record Selection(int ordinal, String id, String stratum, double inclusionProbability, boolean control) {

    /** The digested line {@code ordinal:id:stratum}. */
    public String line() {
        return ordinal + ":" + id + ":" + stratum;
    }

    /** Selection digest: SHA-256 of the lines {@code ordinal:id:stratum\n} in order (lower-case hex). */
    public static String digest(List<Selection> selection) {
        List<String> lines = new ArrayList<>(selection.size());
        for (Selection s : selection) {
            lines.add(s.line());
        }
        return Sha256.digestOfLines(lines);
    }
}
