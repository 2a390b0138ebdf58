package io.suiji.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3797 §6, "Fully Worked Example": pool of 25, three sources, published MD5 values and picks. */
class Rfc3797Test {
    private static final List<List<Long>> SOURCES = List.of(
        List.of(9319L),
        List.of(2L, 5L, 12L, 8L, 10L),
        List.of(9L, 18L, 26L, 34L, 41L, 45L));

    /** The 16 MD5 values printed in RFC 3797 §6, for i = 0 … 15. */
    private static final List<String> RFC_MD5 = List.of(
        "990DD0A5692A029A98B5E01AA28F3459", "3691E55CB63FCC37914430B2F70B5EC6",
        "FE814EDF564C190AC1D25753979990FA", "1863CCACEB568C31D7DDBDF1D4E91387",
        "F4AB33DF4889F0AF29C513905BE1D758", "13EAEB529F61ACFB9A29D0BA3A60DE4A",
        "992DB77C382CA2BDB9727001F3CDCCD9", "63AB4258ECA922976811C7F55C383CE7",
        "DFBC5AC97CED01B3A6E348E3CC63F40D", "31CB111C4A4EBE9287CEAE16FE51B909",
        "07FA46C122F164C215BBC72793B189A3", "AC52F8D75CCBE2E61AFEB3387637D501",
        "53306F73E14FC0B2FBF434218D25948E", "B5D1403501A81F9A47318BE7893B347C",
        "85B10B356AA06663EF1B1B407765100A", "3269E6CE559ABD57E2BA6AAB495EB9BD");

    @Test
    void keyStringSortsEachSourceAndClosesItWithSlash() {
        assertEquals("9319./2.5.8.10.12./9.18.26.34.41.45./", Rfc3797.keyString(SOURCES));
    }

    @Test
    void reproducesTheRfcWorkedExampleSelection() {
        // RFC 3797 §6: Lee(17) Doc(7) Mary(2) Charity(16) Kasczynski(25) Envy(23) Sneazy(8) Anger(24)
        // Chastity(19) Pandora(13), then Sloth(22) as the 11th.
        assertEquals(List.of(17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22), Rfc3797.select(SOURCES, 25, 11));
        assertEquals(List.of(17, 7, 2, 16, 25, 23, 8, 24, 19, 13), Rfc3797.select(SOURCES, 25, 10));
    }

    @Test
    void reproducesTheRfcMd5ValuesAndDivisors() {
        List<Rfc3797.Step> steps = Rfc3797.steps(Rfc3797.keyString(SOURCES), 25, 16);
        for (int i = 0; i < 16; i++) {
            assertEquals(RFC_MD5.get(i), steps.get(i).md5().toUpperCase(), "MD5 of selection " + (i + 1));
            assertEquals(25 - i, steps.get(i).remaining());
        }
    }

    @Test
    void selectingTheWholePoolIsAPermutation() {
        List<Integer> all = Rfc3797.select(SOURCES, 25, 25);
        assertEquals(25, all.stream().distinct().count());
        assertEquals(List.of(17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22), all.subList(0, 11));
    }

    @Test
    void handlesTheLargestPool() {
        List<Integer> picks = Rfc3797.select(SOURCES, Rfc3797.MAX_POOL, 500);
        assertEquals(500, picks.stream().distinct().count());
        assertEquals(500, picks.stream().filter(p -> p >= 1 && p <= Rfc3797.MAX_POOL).count());
    }

    @Test
    void entropyEstimateMatchesRfcSection33() {
        // RFC 3797 §3.3: selecting 10 from 25 needs about 22 bits, from 100 about 44.
        assertEquals(22, Math.ceil(Rfc3797.entropyBitsNeeded(25, 10)));
        assertEquals(44, Math.ceil(Rfc3797.entropyBitsNeeded(100, 10)));
    }

    @Test
    void rejectsInputsTheRfcDoesNotDefine() {
        assertThrows(IllegalArgumentException.class, () -> Rfc3797.select(SOURCES, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Rfc3797.select(SOURCES, 65_536, 1));
        assertThrows(IllegalArgumentException.class, () -> Rfc3797.select(SOURCES, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> Rfc3797.select(List.of(List.of(-1L)), 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Rfc3797.select(List.of(List.of()), 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Rfc3797.select(List.of(), 5, 1));
    }
}
