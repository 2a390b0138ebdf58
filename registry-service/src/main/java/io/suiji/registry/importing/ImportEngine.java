package io.suiji.registry.importing;

import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Parses the rows of one kind of file and writes them in chunks. */
abstract class ImportEngine {

    /** Reads the header row; the map, or the problems naming the expected headers. */
    abstract HeaderMap.Result<?> header(List<String> row, long number);

    abstract boolean isHeader(List<String> row);

    /** Whether a data row is the header row again; cheaper than {@link #isHeader}, it runs on every row. */
    abstract boolean repeatsHeader(List<String> row);

    /** Parses a data row: null when it is good (kept for the next chunk), else the reason it is rejected. */
    abstract String parse(long number, List<String> cells);

    abstract int pending();

    /**
     * Takes the pending rows away, as the work of writing them (to run on the writer's thread);
     * what can be done without the database is done here, on the caller's thread.
     */
    abstract Work take();

    /** Writing one chunk. */
    @FunctionalInterface
    interface Work extends java.util.concurrent.Callable<ChunkResult> {
        ChunkResult write() throws SQLException;

        @Override
        default ChunkResult call() throws SQLException {
            return write();
        }
    }

    /** Where the writing time went, for the benchmark; empty when not measured. */
    String timings() {
        return "";
    }


    static ImportEngine of(ImportKind kind, Connection connection, UUID job, String by, String scopePrefix,
            EntityRules rules, PersonalIds ids, LocalDate today) {
        return kind == ImportKind.ENTITIES
                ? new Entities(new EntityImportWriter(connection, job, by, scopePrefix, ids, today.getYear()), rules, scopePrefix, today)
                : new Inspectors(new InspectorImportWriter(connection, job, by, scopePrefix), ids, scopePrefix, today);
    }

    private static final class Entities extends ImportEngine {
        private final EntityImportWriter writer;
        private final EntityRules rules;
        private final String scopePrefix;
        private final LocalDate today;
        private EntityRowParser parser;
        private HeaderMap<EntityColumn> headers;
        private List<EntityImportWriter.Prepared> rows = new ArrayList<>();

        Entities(EntityImportWriter writer, EntityRules rules, String scopePrefix, LocalDate today) {
            this.writer = writer;
            this.rules = rules;
            this.scopePrefix = scopePrefix;
            this.today = today;
        }

        @Override
        HeaderMap.Result<?> header(List<String> row, long number) {
            HeaderMap.Result<EntityColumn> result = HeaderMap.read(row, (int) number, EntityColumn.class);
            if (result.valid()) {
                headers = result.map();
                parser = new EntityRowParser(result.map(), rules, scopePrefix, today);
            }
            return result;
        }

        @Override
        boolean isHeader(List<String> row) {
            return HeaderMap.isHeader(row, EntityColumn.class);
        }

        @Override
        boolean repeatsHeader(List<String> row) {
            return headers.repeatsHeader(row, EntityColumn.CODE);
        }

        @Override
        String parse(long number, List<String> cells) {
            EntityRowParser.Outcome outcome = parser.parse(number, cells);
            if (outcome.row() != null) {
                rows.add(writer.prepare(outcome.row()));
            }
            return outcome.reason();
        }

        @Override
        int pending() {
            return rows.size();
        }

        @Override
        String timings() {
            return writer.timings().toString();
        }

        @Override
        Work take() {
            EntityImportWriter.Chunk chunk = writer.assemble(rows);
            rows = new ArrayList<>();
            return () -> writer.write(chunk);
        }
    }

    private static final class Inspectors extends ImportEngine {
        private final InspectorImportWriter writer;
        private final PersonalIds ids;
        private final String scopePrefix;
        private final LocalDate today;
        private InspectorRowParser parser;
        private HeaderMap<InspectorColumn> headers;
        private List<InspectorRow> rows = new ArrayList<>();

        Inspectors(InspectorImportWriter writer, PersonalIds ids, String scopePrefix, LocalDate today) {
            this.writer = writer;
            this.ids = ids;
            this.scopePrefix = scopePrefix;
            this.today = today;
        }

        @Override
        HeaderMap.Result<?> header(List<String> row, long number) {
            HeaderMap.Result<InspectorColumn> result = HeaderMap.read(row, (int) number, InspectorColumn.class);
            if (result.valid()) {
                headers = result.map();
                parser = new InspectorRowParser(result.map(), scopePrefix, today, ids);
            }
            return result;
        }

        @Override
        boolean isHeader(List<String> row) {
            return HeaderMap.isHeader(row, InspectorColumn.class);
        }

        @Override
        boolean repeatsHeader(List<String> row) {
            return headers.repeatsHeader(row, InspectorColumn.NAME);
        }

        @Override
        String parse(long number, List<String> cells) {
            InspectorRowParser.Outcome outcome = parser.parse(number, cells);
            if (outcome.row() != null) {
                rows.add(outcome.row());
            }
            return outcome.reason();
        }

        @Override
        int pending() {
            return rows.size();
        }

        @Override
        Work take() {
            List<InspectorRow> chunk = rows;
            rows = new ArrayList<>();
            return () -> writer.write(chunk);
        }
    }
}
