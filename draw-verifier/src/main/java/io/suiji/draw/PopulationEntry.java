package io.suiji.draw;

import java.nio.charset.StandardCharsets;

/**
 * One eligible entity of a frozen population (抽查对象名录中的一条): its id, its weight (a decimal,
 * kept as written because the line is hashed) and its stratum (region × risk class, e.g.
 * {@code 410402/C}). Its line is {@code id:weight:stratum}.
 */
public record PopulationEntry(String id, String weight, String stratum) {

    /** Validates the three fields; see SUIJI-SHA256-1 §3. */
    public PopulationEntry {
        checkField("id", id);
        checkField("stratum", stratum);
        if (weight == null) {
            throw new IllegalArgumentException("weight is missing");
        }
        try {
            Weight.parse(weight, 0);
        } catch (PopulationFormatException e) {
            throw new IllegalArgumentException(e.getMessage().replace("population: ", ""), e);
        }
    }

    /** An entry of weight {@code 1}, the usual weight for uniform draws. */
    public static PopulationEntry of(String id, String stratum) {
        return new PopulationEntry(id, "1", stratum);
    }

    /** Parses {@code id:weight:stratum}. */
    public static PopulationEntry parse(String line) {
        int first = line.indexOf(':');
        int second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("expected id:weight:stratum, got '" + line + "'");
        }
        return new PopulationEntry(line.substring(0, first), line.substring(first + 1, second),
            line.substring(second + 1));
    }

    /** The population line, without its terminating newline. */
    public String line() {
        return id + ':' + weight + ':' + stratum;
    }

    /** The weight as the nearest binary64 value. */
    public double weightValue() {
        return Weight.value(Weight.parse(weight, 0));
    }

    byte[] lineBytes() {
        return line().getBytes(StandardCharsets.UTF_8);
    }

    static void checkField(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(name + " '" + value.replace("\n", "\\n").replace("\r", "\\r")
                    + "' contains a forbidden character (':', newline or carriage return)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " contains an unpaired surrogate (not encodable as UTF-8)");
            }
        }
    }
}
