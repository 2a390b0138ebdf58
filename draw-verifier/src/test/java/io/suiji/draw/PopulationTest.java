package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private static PopulationSummary summarize(String file) throws Exception {
        return Population.summarize(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    private static String problem(String file) {
        return assertThrows(PopulationFormatException.class, () -> summarize(file)).getMessage();
    }

    @Test
    void digestIsSha256OfTheCanonicalFile() throws Exception {
        String file = "A1:1:410402/A\nA2:2.5:410402/C\nB1:1:410403/A\n";
        PopulationSummary s = summarize(file);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8));
        assertEquals(Hex.of(expected), s.digest());
        assertEquals(3, s.size());
        assertEquals(Map.of("410402/A", 1L, "410402/C", 1L, "410403/A", 1L), s.stratumSizes());
        // A missing final newline is tolerated; the digest is that of the canonical form.
        assertEquals(s, summarize(file.substring(0, file.length() - 1)));
    }

    @Test
    void emptyPopulationHasTheDigestOfNothing() throws Exception {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", summarize("").digest());
    }

    @Test
    void writeSortsInByteOrderWhateverTheInputOrder() throws Exception {
        List<PopulationEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(new PopulationEntry("91410402MA" + (100000 + i * 7919 % 500), String.valueOf(1 + i % 4),
                "4104" + (2 + i % 3) + "/" + "ABCD".charAt(i % 4)));
        }
        entries.add(PopulationEntry.of("平顶山市卫东区某公司", "410403/A"));
        entries.add(PopulationEntry.of("😀emoji-id", "410403/A"));
        entries.add(PopulationEntry.of("\uFF5Efullwidth", "410403/A"));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        PopulationSummary a = Population.write(entries, first);
        Collections.shuffle(entries, new Random(7));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        PopulationSummary b = Population.write(entries, second);
        assertEquals(a, b);
        assertEquals(first.toString(StandardCharsets.UTF_8), second.toString(StandardCharsets.UTF_8));
        // The written file reads back as canonical, with the same summary.
        assertEquals(a, Population.summarize(new ByteArrayInputStream(first.toByteArray())));
        // Byte order is code point order: U+FF5E sorts before U+1F600 (String.compareTo says the opposite).
        List<String> lines = Population.canonicalLines(entries);
        assertTrue(lines.indexOf("\uFF5Efullwidth:1:410403/A") < lines.indexOf("😀emoji-id:1:410403/A"));
        assertEquals(String.join("\n", lines) + "\n", first.toString(StandardCharsets.UTF_8));
    }

    @Test
    void duplicateIdsAreRefusedWhenWriting() {
        List<PopulationEntry> entries = List.of(PopulationEntry.of("A", "S1"), new PopulationEntry("A", "2", "S2"));
        assertThrows(DrawException.class, () -> Population.write(entries, new ByteArrayOutputStream()));
    }

    @Test
    void reportsEachKindOfBadLineWithItsNumber() {
        assertTrue(problem("A:1:S\n:1:S\n").contains("line 2: id is empty"));
        assertTrue(problem("A:1:\n").contains("stratum is empty"));
        assertTrue(problem("A:1\n").contains("expected id:weight:stratum"));
        assertTrue(problem("A:1:S:T\n").contains("more than two ':'"));
        assertTrue(problem("A:1:S\r\n").contains("carriage return"));
        assertTrue(problem("A:1:S\n\nB:1:S\n").contains("line 2: empty line"));
        assertTrue(problem("\uFEFFA:1:S\n").contains("byte order mark"));
        assertTrue(problem("B:1:S\nA:1:S\n").contains("line 2: lines are not sorted in byte order"));
        assertTrue(problem("A:1:S\nA:2:S\n").contains("duplicate id 'A'"));
        for (String weight : List.of("0", "0.000", "-1", "1e3", ".5", "5.", "1.2.3", "NaN", "", " 1",
            "1234567890123456")) {
            String message = problem("A:" + weight + ":S\n");
            assertTrue(message.startsWith("population line 1: weight"), weight + " → " + message);
        }
        byte[] invalidUtf8 = {'A', (byte) 0xC3, ':', '1', ':', 'S', '\n'};
        assertThrows(PopulationFormatException.class,
            () -> Population.summarize(new ByteArrayInputStream(invalidUtf8)));
    }

    @Test
    void acceptsEveryWellFormedWeight() throws Exception {
        assertEquals(4, summarize("A:1:S\nB:0.5:S\nC:007:S\nD:123456789012.345:S\n").size());
    }

    @Test
    void entriesValidateLikeLines() {
        assertThrows(IllegalArgumentException.class, () -> new PopulationEntry("a:b", "1", "S"));
        assertThrows(IllegalArgumentException.class, () -> new PopulationEntry("a", "1", "S\n"));
        assertThrows(IllegalArgumentException.class, () -> new PopulationEntry("a", "-1", "S"));
        assertThrows(IllegalArgumentException.class, () -> new PopulationEntry("\uD800", "1", "S"));
        assertEquals(new PopulationEntry("a", "2.5", "S"), PopulationEntry.parse("a:2.5:S"));
        assertEquals(2.5, PopulationEntry.parse("a:2.5:S").weightValue());
    }

    @Test
    void readsLinesLongerThanTheBuffer() throws Exception {
        String id = "X".repeat(200_000);
        assertEquals(2, summarize(id + ":1:S\n" + id + "Y:1:S\n").size());
    }

    @Test
    void theBuilderWritesWhatWriteWritesAndOnlyOnce() throws Exception {
        List<PopulationEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            entries.add(new PopulationEntry("ID" + i, i % 3 == 0 ? "2" : "1", "41040" + (i % 4) + "/A"));
        }
        Collections.shuffle(entries, new Random(7));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PopulationSummary summary = Population.write(entries, expected);

        // One entry at a time, as the service freezes a population from a database cursor.
        Population.Builder builder = new Population.Builder();
        entries.forEach(builder::add);
        ByteArrayOutputStream built = new ByteArrayOutputStream();
        assertEquals(summary, builder.write(built));
        assertEquals(expected.toString(StandardCharsets.UTF_8), built.toString(StandardCharsets.UTF_8));
        assertEquals(summary, summarize(built.toString(StandardCharsets.UTF_8)));

        // Its lines are let go while writing: a second write or a late entry is a programming error.
        assertThrows(IllegalStateException.class, () -> builder.write(new ByteArrayOutputStream()));
        assertThrows(IllegalStateException.class, () -> builder.add(entries.get(0)));
    }
}
