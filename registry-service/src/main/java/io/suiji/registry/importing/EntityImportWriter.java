package io.suiji.registry.importing;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.platform.outbox.CopyText;
import io.suiji.platform.outbox.OutboxCopy;
import io.suiji.registry.TimeOrderedIds;
import io.suiji.registry.entity.EntityFacts;
import io.suiji.registry.entity.EntityRecord;
import io.suiji.registry.identity.PersonalIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Writes chunks of good entity rows: upsert by code in a few statements per chunk, plus one COPY
 * of their events into the outbox. A chunk is first copied in as if every code were new (a bulk
 * load is nearly all new codes): the unique index on code checks each one as it goes in, and a
 * code already registered fails the COPY, which a savepoint undoes. Such a chunk, and the ones
 * after it until one has no registered code, take the look-up path: look up the codes; COPY the new
 * ones straight in; COPY the changed ones into a staging table and apply them with one UPDATE.
 * A row that changes nothing is neither written nor evented. Plain JDBC on the import's own
 * connection and transaction.
 */
final class EntityImportWriter {

    private static final String LOOKUP = """
            select id, code, code_kind, name, target_types, region, address, credit_class, credit_class_date,
                   complaints_last_12_months, serious_violation, abnormal_operation, insured, registered_on,
                   deregistered_on, last_inspected_by_matter::text, inspections_this_year, inspections_year,
                   import_job, import_row
            from target_entity where code = any(?) for update""";
    private static final String COLUMNS = "id, code, code_kind, resident_id_sealed, resident_id_masked, name, target_types,"
            + " region, address, credit_class, credit_class_date, complaints_last_12_months, serious_violation,"
            + " abnormal_operation, insured, registered_on, deregistered_on, inspections_year, import_job, import_row,"
            + " created_by, updated_by";
    // Staged rows are all known codes (locked by LOOKUP), so a plain UPDATE: an INSERT … ON CONFLICT would
    // check the candidate row first, and a person's candidate carries no sealed ID number (kept from the row).
    private static final String UPDATE = "update target_entity t set"
            + " code = s.code, code_kind = s.code_kind,"
            + " resident_id_sealed = coalesce(s.resident_id_sealed, t.resident_id_sealed),"
            + " resident_id_masked = coalesce(s.resident_id_masked, t.resident_id_masked),"
            + " name = s.name, target_types = s.target_types, region = s.region,"
            + " address = s.address, credit_class = s.credit_class,"
            + " credit_class_date = s.credit_class_date,"
            + " complaints_last_12_months = s.complaints_last_12_months,"
            + " serious_violation = s.serious_violation, abnormal_operation = s.abnormal_operation,"
            + " insured = s.insured, registered_on = s.registered_on,"
            + " deregistered_on = s.deregistered_on,"
            + " deregistration_reason = case when s.deregistered_on is null then null"
            + "     else t.deregistration_reason end,"
            + " import_job = s.import_job, import_row = s.import_row,"
            + " updated_by = s.updated_by, updated_at = now(), version = t.version + 1"
            + " from import_entity_stage s where t.id = s.id";
    private static final String TOUCH = "update target_entity t set import_job = ?, import_row = u.row"
            + " from unnest(?::uuid[], ?::bigint[]) as u(id, row) where t.id = u.id";
    private static final String INSERT = "copy target_entity (" + COLUMNS + ") from stdin";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final UUID job;
    private final String by;
    private final String scopePrefix;
    private final PersonalIds personalIds;
    private final int year;
    private boolean staged;
    /** Whether the next chunk is copied in as all new: until a chunk meets a registered code. */
    private boolean expectNew = true;
    private final Timings timings = new Timings();

    /** Where a run's time went, in nanoseconds (the benchmark prints it). */
    static final class Timings {
        long lookup;
        long prepare;
        long insert;
        long update;
        long outbox;
        int chunks;
        int lookedUp;

        @Override
        public String toString() {
            return String.format("lookup %.1f s, prepare rows and events %.1f s, COPY new rows %.1f s, upsert changed rows %.1f s,"
                    + " COPY events %.1f s; %d of %d chunks looked up", lookup / 1e9, prepare / 1e9, insert / 1e9,
                    update / 1e9, outbox / 1e9, lookedUp, chunks);
        }
    }

    Timings timings() {
        return timings;
    }

    EntityImportWriter(Connection connection, UUID job, String by, String scopePrefix, PersonalIds personalIds, int year) {
        this.connection = connection;
        this.job = job;
        this.by = by;
        this.scopePrefix = scopePrefix;
        this.personalIds = personalIds;
        this.year = year;
    }

    private record Existing(EntityState state, UUID importJob, long importRow) {
    }

    /**
     * A good row with what it becomes if its code is new — worked out ahead, on the parsing thread,
     * because in a bulk load nearly every code is new; the writer only has to look the codes up.
     */
    record Prepared(EntityRow row, EntityState state, String insertLine, String eventLine) {
    }

    Prepared prepare(EntityRow row) {
        EntityState state = merge(row, null);
        CopyText line = new CopyText(512);
        stage(line, row, state, true);
        return new Prepared(row, state, line.text(), OutboxCopy.line(TimeOrderedIds.next(), new EntityRegistered(state)));
    }

    /**
     * A chunk ready for the writer: its good rows by code (a code given twice within the chunk is
     * rejected here) and the COPY data of its rows and their events for the case that every code is
     * new, joined and encoded ahead.
     */
    record Chunk(Map<String, Prepared> byCode, Map<Long, String> rejected, byte[] newRows, byte[] newEvents) {
    }

    /** Gets a chunk ready; runs on the parsing thread while the writer is still busy with the last one. */
    Chunk assemble(List<Prepared> chunk) {
        Map<Long, String> rejected = new TreeMap<>();
        Map<String, Prepared> byCode = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder(chunk.size() * 320);
        StringBuilder events = new StringBuilder(chunk.size() * 720);
        for (Prepared prepared : chunk) {
            EntityRow row = prepared.row();
            Prepared first = byCode.putIfAbsent(row.code(), prepared);
            if (first != null) {
                rejected.put(row.number(), "the same " + codeWords(row.kind()) + " is already in row "
                        + first.row().number() + " of this file");
                continue;
            }
            rows.append(prepared.insertLine());
            events.append(prepared.eventLine());
        }
        return new Chunk(byCode, rejected, rows.toString().getBytes(StandardCharsets.UTF_8),
                events.toString().getBytes(StandardCharsets.UTF_8));
    }

    ChunkResult write(Chunk chunk) throws SQLException {
        timings.chunks++;
        if (chunk.byCode().isEmpty()) {
            return new ChunkResult(0, 0, 0, chunk.rejected());
        }
        if (expectNew && copiedAsNew(chunk)) {
            return new ChunkResult(chunk.byCode().size(), 0, 0, chunk.rejected());
        }
        timings.lookedUp++;
        Map<Long, String> rejected = new TreeMap<>(chunk.rejected());
        Map<String, Prepared> byCode = chunk.byCode();
        long tl = System.nanoTime();
        Map<String, Existing> existing = lookup(byCode.keySet());
        timings.lookup += System.nanoTime() - tl;
        expectNew = existing.isEmpty();

        long t0 = System.nanoTime();
        CopyText inserts = new CopyText();
        CopyText stage = new CopyText();
        OutboxCopy events = new OutboxCopy();
        List<UUID> touchIds = new ArrayList<>();
        List<Long> touchRows = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Prepared prepared : byCode.values()) {
            EntityRow row = prepared.row();
            Existing old = existing.get(row.code());
            if (old == null) {
                created++;
                inserts.line(prepared.insertLine());
                events.addLine(prepared.eventLine());
                continue;
            }
            if (old != null && job.equals(old.importJob())) {
                rejected.put(row.number(), "the same " + codeWords(row.kind()) + " is already in row " + old.importRow()
                        + " of this file");
                continue;
            }
            if (old != null && !old.state().region().startsWith(scopePrefix)) {
                rejected.put(row.number(), "this code is registered in region " + old.state().region()
                        + ", outside your region");
                continue;
            }
            EntityState state = merge(row, old.state());
            if (state.equals(old.state())) {
                unchanged++;
                touchIds.add(UUID.fromString(state.id()));
                touchRows.add(row.number());
                continue;
            }
            if (old.state().deregisteredOn() != null) {
                // As the API (409 entity-deregistered): a file must not quietly bring a closed entity back.
                rejected.put(row.number(), "the entity with this code was deregistered on " + old.state().deregisteredOn()
                        + "; a deregistered entity is not changed");
                continue;
            }
            stage(stage, row, state, false);
            updated++;
            boolean deregistered = old.state().deregisteredOn() == null && state.deregisteredOn() != null;
            events.addLine(OutboxCopy.line(TimeOrderedIds.next(),
                    deregistered ? new EntityDeregistered(state) : new EntityUpdated(state)));
        }
        long t1 = System.nanoTime();
        timings.prepare += t1 - t0;
        // New codes go straight in; changed ones through the staging table and one UPDATE.
        if (inserts.rows() > 0) {
            copy(INSERT, inserts);
        }
        long t2 = System.nanoTime();
        timings.insert += t2 - t1;
        if (stage.rows() > 0) {
            ensureStage();
            try (Statement s = connection.createStatement()) {
                s.execute("truncate import_entity_stage");
            }
            copy("copy import_entity_stage (" + COLUMNS + ") from stdin", stage);
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(UPDATE);
            }
        }
        if (!touchIds.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(TOUCH)) {
                s.setObject(1, job);
                s.setArray(2, connection.createArrayOf("uuid", touchIds.toArray()));
                s.setArray(3, connection.createArrayOf("bigint", touchRows.toArray()));
                s.executeUpdate();
            }
        }
        long t3 = System.nanoTime();
        timings.update += t3 - t2;
        events.flush(connection);
        timings.outbox += System.nanoTime() - t3;
        return new ChunkResult(created, updated, unchanged, rejected);
    }

    /**
     * Copies the chunk in as all new codes, under a savepoint; false (and nothing written) when a
     * code is already registered — or was earlier in this file, which the look-up path then reports.
     */
    private boolean copiedAsNew(Chunk chunk) throws SQLException {
        long t0 = System.nanoTime();
        Savepoint beforeChunk = connection.setSavepoint();
        try {
            copy(INSERT, chunk.newRows());
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeChunk);
            expectNew = false;
            timings.insert += System.nanoTime() - t0;
            return false;
        }
        connection.releaseSavepoint(beforeChunk);
        long t1 = System.nanoTime();
        timings.insert += t1 - t0;
        OutboxCopy.copyIn(connection, chunk.newEvents());
        timings.outbox += System.nanoTime() - t1;
        return true;
    }

    /** The row over what the registry holds: optional columns the file lacks keep their values. */
    private EntityState merge(EntityRow row, EntityState old) {
        Set<EntityColumn> has = row.present();
        EntityFacts f = row.facts();
        boolean keep = old != null;
        return new EntityState(
                old == null ? TimeOrderedIds.next().toString() : old.id(),
                row.code(),
                row.kind(),
                f.name(),
                f.targetTypes(),
                f.region(),
                keep && !has.contains(EntityColumn.ADDRESS) ? old.address() : f.address(),
                keep && !has.contains(EntityColumn.CREDIT_CLASS) ? old.creditClass() : f.creditClass(),
                keep && !has.contains(EntityColumn.CREDIT_CLASS_DATE) ? old.creditClassDate() : f.creditClassDate(),
                keep && !has.contains(EntityColumn.COMPLAINTS) ? old.complaintsLast12Months() : f.complaintsLast12Months(),
                keep && !has.contains(EntityColumn.SERIOUS_VIOLATION) ? old.seriousViolation() : f.seriousViolation(),
                keep && !has.contains(EntityColumn.ABNORMAL_OPERATION) ? old.abnormalOperation() : f.abnormalOperation(),
                keep && !has.contains(EntityColumn.INSURED) ? old.insured() : f.insured(),
                keep && !has.contains(EntityColumn.REGISTERED_ON) ? old.registeredOn() : f.registeredOn(),
                keep && !has.contains(EntityColumn.DEREGISTERED_ON) ? old.deregisteredOn() : row.deregisteredOn(),
                keep ? old.lastInspectedByMatter() : Map.of(),
                keep ? old.inspectionsThisYear() : 0,
                keep ? old.inspectionsYear() : year);
    }

    private void stage(CopyText stage, EntityRow row, EntityState s, boolean isNew) {
        boolean seal = isNew && row.residentId() != null;
        stage.field(s.id()).field(s.code()).field(s.codeKind())
                .field(seal ? personalIds.seal(row.residentId()) : null)
                .field(seal ? PersonalIds.mask(row.residentId()) : null)
                .field(s.name()).array(s.targetTypes()).field(s.region()).field(s.address()).field(s.creditClass())
                .field(s.creditClassDate()).field(s.complaintsLast12Months()).field(s.seriousViolation())
                .field(s.abnormalOperation()).field(s.insured()).field(s.registeredOn()).field(s.deregisteredOn())
                .field(s.inspectionsYear()).field(job).field(row.number()).field(by).field(by).endRow();
    }

    private Map<String, Existing> lookup(Set<String> codes) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(LOOKUP)) {
            s.setArray(1, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Array types = r.getArray("target_types");
                    String credit = r.getString("credit_class");
                    EntityState state = new EntityState(r.getString("id"), r.getString("code"),
                            CodeKind.valueOf(r.getString("code_kind")), r.getString("name"),
                            List.of((String[]) types.getArray()), r.getString("region"), r.getString("address"),
                            credit == null ? null : CreditClass.valueOf(credit), date(r, "credit_class_date"),
                            r.getInt("complaints_last_12_months"), r.getBoolean("serious_violation"),
                            r.getBoolean("abnormal_operation"), r.getBoolean("insured"), date(r, "registered_on"),
                            date(r, "deregistered_on"), EntityRecord.parseDates(r.getString(16)),
                            r.getInt("inspections_this_year"), r.getInt("inspections_year"));
                    String importJob = r.getString("import_job");
                    found.put(state.code(), new Existing(state, importJob == null ? null : UUID.fromString(importJob),
                            r.getLong("import_row")));
                }
            }
        }
        return found;
    }

    private void ensureStage() throws SQLException {
        if (!staged) {
            try (Statement s = connection.createStatement()) {
                s.execute("create temp table if not exists import_entity_stage on commit preserve rows as select "
                        + COLUMNS + " from target_entity with no data");
            }
            staged = true;
        }
    }

    private void copy(String sql, CopyText rows) throws SQLException {
        copy(sql, rows.text().getBytes(StandardCharsets.UTF_8));
    }

    private void copy(String sql, byte[] rows) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(rows), 1 << 16);
        } catch (IOException e) {
            throw new SQLException(sql + " failed", e);
        }
    }

    private static LocalDate date(ResultSet r, String column) throws SQLException {
        return r.getObject(column, LocalDate.class);
    }

    private static String codeWords(CodeKind kind) {
        return kind == CodeKind.RESIDENT_ID_HASH ? "公民身份号码" : "代码";
    }
}
