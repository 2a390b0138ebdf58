package io.suiji.sampling.draw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * The frozen population file of a draw, stored as ordered chunks ({@code draw_population_chunk})
 * and read back as one stream, so that neither the draw nor the download holds the whole file:
 * at most one chunk is in memory at a time. Plain JDBC on the caller's transaction.
 */
public final class PopulationChunks {

    /** 1 MiB: ~30 chunks for a population of a million, each small enough to hold in passing. */
    public static final int CHUNK_BYTES = 1 << 20;

    private static final int CHUNKS_PER_BATCH = 8;

    private PopulationChunks() {
    }

    /** Stores the canonical file in chunks of {@link #CHUNK_BYTES}. */
    public static void write(Connection connection, UUID drawId, byte[] canonicalFile) throws SQLException {
        write(connection, drawId, canonicalFile, CHUNK_BYTES);
    }

    static void write(Connection connection, UUID drawId, byte[] canonicalFile, int chunkBytes) throws SQLException {
        Buffer chunks = new Buffer(chunkBytes);
        chunks.write(canonicalFile, 0, canonicalFile.length);
        write(connection, drawId, chunks.chunks());
    }

    /**
     * Stores chunks made by a {@link Buffer}, in their order, {@value #CHUNKS_PER_BATCH} per round
     * trip: the driver copies every value it batches, and a whole 3,000,000-target file in one batch
     * would be held twice (measured: out of memory in 384 MB).
     */
    public static void write(Connection connection, UUID drawId, List<byte[]> chunks) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into draw_population_chunk (draw_id, seq, content) values (?, ?, ?)")) {
            int seq = 0;
            for (byte[] chunk : chunks) {
                ps.setObject(1, drawId);
                ps.setInt(2, seq++);
                ps.setBytes(3, chunk);
                ps.addBatch();
                if (seq % CHUNKS_PER_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * A file being written, kept as the chunks it will be stored in (no contiguous copy of it is
     * ever made). An empty file is one empty chunk, so that "no chunk" always means "no such draw".
     */
    public static final class Buffer extends OutputStream {
        private final int chunkBytes;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int used;

        public Buffer() {
            this(CHUNK_BYTES);
        }

        Buffer(int chunkBytes) {
            this.chunkBytes = chunkBytes;
            this.current = new byte[chunkBytes];
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int from, int length) {
            while (length > 0) {
                if (used == chunkBytes) {
                    chunks.add(current);
                    current = new byte[chunkBytes];
                    used = 0;
                }
                int n = Math.min(length, chunkBytes - used);
                System.arraycopy(bytes, from, current, used, n);
                used += n;
                from += n;
                length -= n;
            }
        }

        /** The chunks in order: all full but the last (which may be empty only if it is the only one). */
        public List<byte[]> chunks() {
            List<byte[]> all = new ArrayList<>(chunks);
            all.add(Arrays.copyOf(current, used));
            return all;
        }
    }

    /**
     * The file as a stream over its chunks in order, fetched one at a time through a cursor; it
     * must be read and closed inside the transaction of {@code connection} (autocommit off).
     * Returns {@code null} if the draw has no population.
     */
    public static InputStream open(Connection connection, UUID drawId) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(
                "select content from draw_population_chunk where draw_id = ? order by seq");
        try {
            // Binary transfer from the first execution: the chunks arrive as bytes, not as hex text.
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            ps.setFetchSize(1);
            ps.setObject(1, drawId);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                ps.close();
                return null;
            }
            return new SequenceInputStream(new Chunks(rs)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        try {
                            ps.close();
                        } catch (SQLException e) {
                            throw new IOException("closing the population cursor failed", e);
                        }
                    }
                }
            };
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * The file's size in bytes, from the chunks' stored lengths (PostgreSQL knows them without
     * decompressing), or -1 if the draw has no population.
     */
    public static long size(Connection connection, UUID drawId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select count(*), coalesce(sum(octet_length(content)), 0) from draw_population_chunk where draw_id = ?")) {
            ps.setObject(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 ? -1 : rs.getLong(2);
            }
        }
    }

    /**
     * Writes the file to {@code out} one chunk at a time, each read by its own statement on a
     * connection held only for that read: a slow download (90 MB for three million targets) holds
     * no transaction that could time out and no pooled connection, and at most one chunk is in
     * memory. Chunks never change once frozen, so separate reads still give the committed file.
     */
    public static void copy(DataSource dataSource, UUID drawId, OutputStream out) throws IOException {
        for (int seq = 0; ; seq++) {
            byte[] chunk;
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement ps = connection.prepareStatement(
                            "select content from draw_population_chunk where draw_id = ? and seq = ?")) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1); // bytes, not hex text
                ps.setObject(1, drawId);
                ps.setInt(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    chunk = rs.getBytes(1);
                }
            } catch (SQLException e) {
                throw new IOException("reading chunk " + seq + " of the population of draw " + drawId + " failed", e);
            }
            out.write(chunk);
        }
    }

    /** The rows of the cursor as streams; the current row is already fetched. */
    private static final class Chunks implements Enumeration<InputStream> {
        private final ResultSet rows;
        private boolean current = true;

        Chunks(ResultSet rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasMoreElements() {
            return current;
        }

        @Override
        public InputStream nextElement() {
            if (!current) {
                throw new NoSuchElementException();
            }
            try {
                InputStream chunk = new ByteArrayInputStream(rows.getBytes(1));
                current = rows.next();
                return chunk;
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("reading the population failed", e));
            }
        }
    }
}
