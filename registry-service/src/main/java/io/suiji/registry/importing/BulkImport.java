package io.suiji.registry.importing;

import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The import itself, on one JDBC connection and no framework: streams the file, parses each row,
 * writes good rows in chunks and reports progress and rejected rows to a listener. In
 * KEEP_GOOD_ROWS mode each chunk is committed; in ALL_OR_NOTHING mode one transaction runs to the
 * end and is committed only if no row was rejected. {@link ImportRunner} runs it as a job of the
 * service; the benchmark runs it as it is.
 */
public final class BulkImport {

    /** @param job marks the rows it writes, so that a code given twice in the file is caught */
    public record Options(UUID job, ImportKind kind, ImportMode mode, ImportFormat format, String scopePrefix, String by,
            int chunkSize, LocalDate today) {
    }

    /** A rejected row: its number, why, and its cells as the file gave them. */
    public record Rejection(long number, String reason, List<String> cells) {
    }

    /** Running totals. */
    public static final class Counts {
        public long rowsRead;
        public long accepted;
        public long rejected;
        public long created;
        public long updated;
        public long unchanged;
        public boolean applied;
    }

    public interface Listener {
        /**
         * Called every chunk and at the end with the totals, the bytes read, the rejections since
         * the last call (the list is cleared afterwards) and, once, the header row.
         */
        void progress(Counts counts, long bytesRead, List<Rejection> rejections, List<String> header) throws SQLException;

        /** Called after each commit that applied rows (the outbox relay can go). */
        default void committed() {
        }
    }

    public record Result(ImportStatus status, String message, Counts counts, String timings) {
    }

    private BulkImport() {
    }

    /**
     * For tools outside the service (the import benchmark): imports {@code file} on a plain JDBC
     * connection as a city registrar would, with the personal-data keys given as text. Only JDK
     * types cross this line, so a caller can reach it without compiling against this module.
     *
     * @return status, message and the counts (rowsRead, accepted, rejected, created, updated, unchanged)
     */
    public static Map<String, Object> runFile(Connection connection, Path file, String kind, String mode, String piiKey,
            String idEncryptionKey, int chunkSize) throws Exception {
        PersonalIds ids = new PersonalIds(piiKey, idEncryptionKey);
        var options = new Options(UUID.randomUUID(), ImportKind.valueOf(kind), ImportMode.valueOf(mode),
                ImportFormat.detect(file, file.getFileName().toString()), "4104", "benchmark", chunkSize,
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        Result result = run(connection, file, options, new EntityRules(ids), ids, (counts, bytes, rejections, header) -> {
        });
        Counts c = result.counts();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("status", result.status().name());
        out.put("message", result.message());
        out.put("rowsRead", c.rowsRead);
        out.put("accepted", c.accepted);
        out.put("rejected", c.rejected);
        out.put("created", c.created);
        out.put("updated", c.updated);
        out.put("unchanged", c.unchanged);
        out.put("timings", result.timings());
        return out;
    }

    /**
     * Runs the import. A wrong header or an unreadable file throws ({@link UnreadableFileException},
     * {@code HeaderException}); so does a database failure — after a rollback of what was not committed.
     */
    public static Result run(Connection work, Path file, Options o, EntityRules rules, PersonalIds ids, Listener listener)
            throws Exception {
        Counts counts = new Counts();
        boolean autoCommit = work.getAutoCommit();
        work.setAutoCommit(false);
        try {
            Result result = run(work, file, o, rules, ids, listener, counts);
            dropStage(work);
            return result;
        } catch (Exception e) {
            work.rollback();
            if (o.mode() == ImportMode.ALL_OR_NOTHING) {
                counts.applied = false;
            }
            throw new Failed(e, counts);
        } finally {
            work.setAutoCommit(autoCommit);
        }
    }

    /** A failure, with the totals reached before it (in KEEP_GOOD_ROWS mode, committed rows stay). */
    public static final class Failed extends Exception {
        public final transient Counts counts;

        Failed(Exception cause, Counts counts) {
            super(cause.getMessage(), cause);
            this.counts = counts;
        }
    }

    private static Result run(Connection work, Path file, Options o, EntityRules rules, PersonalIds ids, Listener listener,
            Counts counts) throws Exception {
        ImportEngine engine = ImportEngine.of(o.kind(), work, o.job(), o.by(), o.scopePrefix(), rules, ids, o.today());
        String expected = o.kind().expectedHeaders();
        HeaderSearch header = new HeaderSearch(engine);
        List<Rejection> rejections = new ArrayList<>();
        List<List<String>> headerRow = new ArrayList<>(1);
        Pipeline pipeline = new Pipeline(engine, o, work, counts, rejections, listener);
        try (RowSource source = RowSource.open(file, o.format())) {
            source.forEach((number, cells) -> {
                if (!header.found()) {
                    header.offer(number, cells, expected);
                    if (header.found()) {
                        headerRow.add(cells);
                    }
                    return true;
                }
                if (HeaderSearch.blank(cells) || engine.repeatsHeader(cells)) {
                    return true; // blank rows, and the header repeated (a table continued on a new page)
                }
                counts.rowsRead++;
                String reason = engine.parse(number, cells);
                if (reason != null) {
                    rejections.add(new Rejection(number, reason, cells));
                    counts.rejected++;
                } else {
                    pipeline.keep(number, cells);
                }
                if (engine.pending() >= o.chunkSize()) {
                    pipeline.submit();
                }
                if (counts.rowsRead % o.chunkSize() == 0) {
                    listener.progress(counts, source.bytesRead(), rejections, headerRow.isEmpty() ? null : headerRow.remove(0));
                    rejections.clear();
                }
                return true;
            });
            if (!header.found()) {
                throw header.notFound(expected);
            }
            pipeline.submit();
            pipeline.complete();
            listener.progress(counts, source.bytesTotal(), rejections, headerRow.isEmpty() ? null : headerRow.remove(0));
            rejections.clear();
        } finally {
            pipeline.close();
        }
        if (o.mode() == ImportMode.ALL_OR_NOTHING && counts.rejected > 0) {
            work.rollback();
            String message = counts.rejected + " of " + counts.rowsRead + " rows rejected; nothing was applied (ALL_OR_NOTHING)."
                    + " Download the rejected rows with their reasons, correct them and import the file again.";
            counts.created = 0;
            counts.updated = 0;
            counts.unchanged = 0;
            counts.applied = false;
            return new Result(ImportStatus.FAILED, message, counts, engine.timings());
        }
        markApplied(work, o.job(), counts.created + counts.updated);
        work.commit();
        counts.applied = counts.applied || counts.created + counts.updated > 0;
        listener.committed();
        return new Result(ImportStatus.COMPLETED, counts.rowsRead + " rows: " + counts.created + " registered, "
                + counts.updated + " changed, " + counts.unchanged + " unchanged, " + counts.rejected + " rejected.", counts,
                engine.timings());
    }

    /**
     * Two stages on the two cores: while the writer thread copies a chunk into the database, this
     * thread parses, prepares and assembles the next one. At most one chunk is in flight, so
     * memory stays at two chunks; results are accounted (and, in KEEP_GOOD_ROWS mode, committed) on
     * this thread, once the writer is done with the connection.
     */
    private static final class Pipeline implements AutoCloseable {
        private final ImportEngine engine;
        private final Options options;
        private final Connection work;
        private final Counts counts;
        private final List<Rejection> rejections;
        private final Listener listener;
        private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "registry-import-writer");
            t.setDaemon(true);
            return t;
        });
        private Map<Long, List<String>> cells = new HashMap<>();
        private Map<Long, List<String>> inFlightCells;
        private java.util.concurrent.Future<ChunkResult> inFlight;
        private int inFlightRows;

        Pipeline(ImportEngine engine, Options options, Connection work, Counts counts, List<Rejection> rejections,
                Listener listener) {
            this.engine = engine;
            this.options = options;
            this.work = work;
            this.counts = counts;
            this.rejections = rejections;
            this.listener = listener;
        }

        void keep(long number, List<String> row) {
            cells.put(number, row);
        }

        void submit() throws Exception {
            if (engine.pending() == 0) {
                return;
            }
            int rows = engine.pending();
            ImportEngine.Work work = engine.take(); // gets the chunk ready while the writer is still busy
            Map<Long, List<String>> taken = cells;
            cells = new HashMap<>();
            complete();
            inFlightRows = rows;
            inFlightCells = taken;
            inFlight = writer.submit(work);
        }

        void complete() throws Exception {
            if (inFlight == null) {
                return;
            }
            ChunkResult result;
            try {
                result = inFlight.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                inFlight = null;
            }
            for (Map.Entry<Long, String> r : result.rejected().entrySet()) {
                rejections.add(new Rejection(r.getKey(), r.getValue(), inFlightCells.getOrDefault(r.getKey(), List.of())));
            }
            counts.accepted += inFlightRows - result.rejected().size();
            counts.rejected += result.rejected().size();
            counts.created += result.created();
            counts.updated += result.updated();
            counts.unchanged += result.unchanged();
            if (options.mode() == ImportMode.KEEP_GOOD_ROWS) {
                markApplied(work, options.job(), result.created() + result.updated());
                work.commit();
                counts.applied = counts.applied || result.created() + result.updated() > 0;
                listener.committed();
            }
        }

        @Override
        public void close() {
            if (inFlight != null) {
                try {
                    inFlight.get(); // the connection is free only when the writer is done with it
                } catch (Exception ignored) {
                    // the caller rolls back and reports its own failure
                }
            }
            writer.shutdownNow();
        }
    }

    /**
     * Records on the job, in the transaction that applies rows, that rows were applied: should the
     * service stop before the job's progress is written, the restart still reports them.
     */
    private static void markApplied(Connection work, UUID jobId, long changedRows) throws SQLException {
        if (changedRows == 0) {
            return;
        }
        try (PreparedStatement s = work.prepareStatement("update import_job set applied = true where id = ? and not applied")) {
            s.setObject(1, jobId);
            s.executeUpdate();
        }
    }

    private static void dropStage(Connection work) {
        try (Statement s = work.createStatement()) {
            s.execute("drop table if exists import_entity_stage");
            work.commit();
        } catch (SQLException e) {
            // left for the session's end
        }
    }
}
