package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The frozen population of a draw as a file: one line {@code id:weight:stratum} per eligible
 * entity, lines in byte order of their UTF-8 encoding, each ending with {@code \n}
 * (SUIJI-SHA256-1 §3). Its digest is SHA-256 of exactly those bytes.
 */
public final class Population {

    /**
     * Byte order of the UTF-8 encodings, which is code point order (Java's {@code compareTo} orders
     * UTF-16 units and differs above U+FFFF).
     */
    public static final Comparator<String> BYTE_ORDER = Population::compareCodePoints;

    private Population() {
    }

    /** Reads and validates a canonical population file: digest, size and stratum sizes. */
    public static PopulationSummary summarize(InputStream canonicalFile) throws IOException {
        return new PopulationReader().read(canonicalFile, (buf, idFrom, idTo, stratum, weight) -> { });
    }

    /**
     * Writes the canonical file of the given entries (any order; sorted here) and returns its
     * summary. Memory is O(N): this is the service's freezing step, not the verifier's.
     *
     * @throws DrawException if two entries share an id
     */
    public static PopulationSummary write(Collection<PopulationEntry> entries, OutputStream out) throws IOException {
        byte[][] lines = new byte[entries.size()][];
        int[] idLengths = new int[lines.length];
        TreeMap<String, Long> sizes = new TreeMap<>(BYTE_ORDER);
        int i = 0;
        for (PopulationEntry e : entries) {
            lines[i++] = e.lineBytes();
            sizes.merge(e.stratum(), 1L, Long::sum);
        }
        Arrays.sort(lines, Arrays::compareUnsigned);
        for (int j = 0; j < lines.length; j++) {
            idLengths[j] = indexOfColon(lines[j]);
        }
        MessageDigest md = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        int used = 0;
        for (int j = 0; j < lines.length; j++) {
            byte[] line = lines[j];
            if (j > 0 && idLengths[j] == idLengths[j - 1]
                && Arrays.equals(line, 0, idLengths[j], lines[j - 1], 0, idLengths[j])) {
                throw new DrawException("duplicate id in population: "
                    + new String(line, 0, idLengths[j], java.nio.charset.StandardCharsets.UTF_8));
            }
            if (used + line.length + 1 > buffer.length) {
                md.update(buffer, 0, used);
                out.write(buffer, 0, used);
                used = 0;
                if (line.length + 1 > buffer.length) {
                    buffer = new byte[line.length + 1];
                }
            }
            System.arraycopy(line, 0, buffer, used, line.length);
            used += line.length;
            buffer[used++] = '\n';
        }
        md.update(buffer, 0, used);
        out.write(buffer, 0, used);
        out.flush();
        return new PopulationSummary(Hex.of(md.digest()), lines.length, sizes);
    }

    /** The canonical lines (without newlines) of the given entries, in byte order. */
    public static List<String> canonicalLines(Collection<PopulationEntry> entries) {
        List<String> lines = new ArrayList<>(entries.size());
        for (PopulationEntry e : entries) {
            lines.add(e.line());
        }
        lines.sort(BYTE_ORDER);
        return lines;
    }

    private static int indexOfColon(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            if (line[i] == ':') {
                return i;
            }
        }
        return line.length;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
