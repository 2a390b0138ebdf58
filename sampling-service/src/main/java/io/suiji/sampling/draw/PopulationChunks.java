package io.suiji.sampling.draw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.postgresql.PGStatement;

/**
 * The frozen population file of a draw, stored as ordered chunks ({@code draw_population_chunk})
 * and read back as one stream, so that neither the draw nor the download holds the whole file:
 * at most one chunk is in memory at a time. Plain JDBC on the caller's transaction.
 */
public final class PopulationChunks {

    /** 1 MiB: ~30 chunks for a population of a million, each small enough to hold in passing. */
    public static final int CHUNK_BYTES = 1 << 20;

    private PopulationChunks() {
    }

    /** Stores the canonical file in chunks of {@link #CHUNK_BYTES}. */
    public static void write(Connection connection, UUID drawId, byte[] canonicalFile) throws SQLException {
        write(connection, drawId, canonicalFile, CHUNK_BYTES);
    }

    static void write(Connection connection, UUID drawId, byte[] canonicalFile, int chunkBytes) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into draw_population_chunk (draw_id, seq, content) values (?, ?, ?)")) {
            int seq = 0;
            int from = 0;
            do { // an empty file is one empty chunk, so that "no chunk" always means "no such draw"
                int to = Math.min(canonicalFile.length, from + chunkBytes);
                ps.setObject(1, drawId);
                ps.setInt(2, seq++);
                ps.setBytes(3, Arrays.copyOfRange(canonicalFile, from, to));
                ps.addBatch();
                from = to;
            } while (from < canonicalFile.length);
            ps.executeBatch();
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
