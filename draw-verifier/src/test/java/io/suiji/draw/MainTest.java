package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: output and exit codes (0 verified, 1 different, 2 unreadable). */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifiesAPublishedDraw() throws Exception {
        byte[] population = Fixtures.canonicalFile(600);
        DrawProof proof = VerifierTest.genuineDraw(population);
        Path proofFile = Files.writeString(dir.resolve("proof.json"), proof.toJson());
        Path populationFile = Files.write(dir.resolve("population.txt"), population);

        assertEquals(0, run("verify", proofFile.toString(), populationFile.toString()));
        assertEquals("VERIFIED\n", out());
        assertEquals(0, run(proofFile.toString(), populationFile.toString()));

        Files.writeString(proofFile, proof.toJson().replace(proof.witnessEntropy(), "another witness"));
        assertEquals(1, run("verify", proofFile.toString(), populationFile.toString()));
        assertTrue(out().startsWith("DIFFERENT: the seed does not match"), out());

        assertEquals(0, run("population", populationFile.toString()));
        assertTrue(out().startsWith("digest " + proof.populationDigest() + "\nsize   600\n"), out());
    }

    @Test
    void unreadableInputExitsWithTwo() throws Exception {
        Path population = Files.writeString(dir.resolve("population.txt"), "A:1:S\n");
        assertEquals(2, run("verify", dir.resolve("missing.json").toString(), population.toString()));
        assertTrue(err().contains("file not found"), err());
        Path badJson = Files.writeString(dir.resolve("bad.json"), "{\"algorithm\": ");
        assertEquals(2, run("verify", badJson.toString(), population.toString()));
        assertTrue(err().startsWith("error: proof is not valid JSON"), err());
        Path badPopulation = Files.writeString(dir.resolve("bad.txt"), "A:x:S\n");
        assertEquals(2, run("population", badPopulation.toString()));
        assertTrue(err().contains("population line 1: weight"), err());
        assertEquals(2, run());
        assertEquals(2, run("what", "is", "this"));
    }

    @Test
    void rfc3797SubcommandPrintsPositions() {
        assertEquals(0, run("rfc3797", "--pool", "25", "--count", "11", "9319", "2 5 12 8 10", "9 18 26 34 41 45"));
        assertEquals("17 7 2 16 25 23 8 24 19 13 22\n", out());
        assertEquals(0, run("rfc3797", "--verbose", "--pool", "25", "--count", "2", "9319", "2,5,12,8,10",
            "9 18 26 34 41 45"));
        assertTrue(out().contains("key string: 9319./2.5.8.10.12./9.18.26.34.41.45./"), out());
        assertTrue(out().contains("990DD0A5692A029A98B5E01AA28F3459     25  17"), out());
        assertEquals(2, run("rfc3797", "--pool", "25", "--count", "30", "1"));
        assertEquals(2, run("rfc3797", "--pool", "25", "--count", "3", "1 -2"));
        assertEquals(2, run("rfc3797", "--pool", "25"));
    }

    @Test
    void helpExplainsUsageAndExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("verify <proof.json> <population.txt>"));
        assertTrue(out().contains("Exit codes: 0 verified"));
    }
}
