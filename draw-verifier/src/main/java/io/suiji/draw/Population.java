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
        Builder builder = new Builder();
        entries.forEach(builder::add);
        return builder.write(out);
    }

    /**
     * The canonical file built from entries given one at a time (any order). Only each entry's line
     * is kept — about 50 bytes for a credit code, not an entry and its strings — and each line is let
     * go once written, so that freezing a province's million targets needs little more memory than
     * the file itself. One use: add, then {@link #write} once.
     */
    public static final class Builder {
        private final List<byte[]> lines = new ArrayList<>();
        private final TreeMap<String, Long> sizes = new TreeMap<>(BYTE_ORDER);
        private boolean written;

        public void add(PopulationEntry entry) {
            if (written) {
                throw new IllegalStateException("the population is already written");
            }
            lines.add(entry.lineBytes());
            sizes.merge(entry.stratum(), 1L, Long::sum);
        }

        /**
         * Sorts the lines into byte order and writes the file with its newlines.
         *
         * @throws DrawException if two entries share an id
         */
        public PopulationSummary write(OutputStream out) throws IOException {
            if (written) {
                throw new IllegalStateException("the population is already written");
            }
            written = true;
            byte[][] sorted = lines.toArray(new byte[0][]);
            lines.clear();
            Arrays.sort(sorted, Arrays::compareUnsigned);
            MessageDigest md = Sha256.newDigest();
            byte[] buffer = new byte[1 << 16];
            int used = 0;
            int previousIdLength = -1;
            for (int j = 0; j < sorted.length; j++) {
                byte[] line = sorted[j];
                int idLength = indexOfColon(line);
                if (idLength == previousIdLength && Arrays.equals(line, 0, idLength, sorted[j - 1], 0, idLength)) {
                    throw new DrawException("duplicate id in population: "
                        + new String(line, 0, idLength, java.nio.charset.StandardCharsets.UTF_8));
                }
                if (j > 0) {
                    sorted[j - 1] = null; // written and compared: let it go
                }
                previousIdLength = idLength;
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
            return new PopulationSummary(Hex.of(md.digest()), sorted.length, sizes);
        }
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
