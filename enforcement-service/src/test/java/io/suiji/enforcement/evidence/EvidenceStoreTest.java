package io.suiji.enforcement.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging with SHA-256 on the way in, the move into place, and nothing left of a refused file. */
class EvidenceStoreTest {

    // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path root;

    @Test
    void aStagedFileHasItsDigestAndMovesIntoPlace() throws Exception {
        EvidenceStore store = new EvidenceStore(root);
        EvidenceStore.Staged staged = store.stage(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), 3);

        assertEquals(ABC, staged.sha256());
        assertEquals(3, staged.size());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), staged.head());
        store.commit(staged, "a/b");
        assertFalse(Files.exists(staged.temp()));
        assertEquals("abc", Files.readString(store.path("a/b")));
        assertEquals(ABC, store.sha256Of("a/b"));
    }

    @Test
    void moreThanTheLimitLeavesNothingBehind() throws IOException {
        EvidenceStore store = new EvidenceStore(root);
        assertThrows(EvidenceStore.TooLarge.class, () -> store.stage(new ByteArrayInputStream(new byte[100_000]), 99_999));
        try (Stream<Path> files = Files.walk(root)) {
            assertTrue(files.noneMatch(Files::isRegularFile));
        }
    }

    @Test
    void keysCannotLeaveTheDirectoryNorReachStagedFiles() {
        EvidenceStore store = new EvidenceStore(root);
        assertThrows(IllegalArgumentException.class, () -> store.path("../outside"));
        assertThrows(IllegalArgumentException.class, () -> store.path(".incoming/upload-1.part"));
    }
}
