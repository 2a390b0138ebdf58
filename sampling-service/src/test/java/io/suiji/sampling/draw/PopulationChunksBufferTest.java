package io.suiji.sampling.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chunks a population file is stored in, cut while it is written (no database here). */
class PopulationChunksBufferTest {

    private static List<byte[]> chunksOf(byte[] file, int chunkBytes, int pieces) {
        PopulationChunks.Buffer buffer = new PopulationChunks.Buffer(chunkBytes);
        int step = Math.max(1, file.length / pieces);
        for (int from = 0; from < file.length; from += step) {
            buffer.write(file, from, Math.min(step, file.length - from));
        }
        return buffer.chunks();
    }

    private static byte[] joined(List<byte[]> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Test
    void everyChunkButTheLastIsFullAndTogetherTheyAreTheFile() {
        byte[] file = "A1:1:410402/A\nA2:1:410402/B\nB1:2:410403/A\n".getBytes();
        for (int pieces : new int[] {1, 3, file.length}) {
            List<byte[]> chunks = chunksOf(file, 7, pieces);
            assertEquals((file.length + 6) / 7, chunks.size(), "written in " + pieces + " pieces");
            chunks.subList(0, chunks.size() - 1).forEach(c -> assertEquals(7, c.length));
            assertArrayEquals(file, joined(chunks));
        }
    }

    @Test
    void aFileOfWholeChunksEndsWithAFullChunkAndAnEmptyFileIsOneEmptyChunk() {
        byte[] file = new byte[14];
        List<byte[]> chunks = chunksOf(file, 7, 2);
        assertEquals(2, chunks.size());
        assertEquals(7, chunks.get(1).length);

        List<byte[]> empty = new PopulationChunks.Buffer(7).chunks();
        assertEquals(1, empty.size());
        assertEquals(0, empty.get(0).length);
    }
}
