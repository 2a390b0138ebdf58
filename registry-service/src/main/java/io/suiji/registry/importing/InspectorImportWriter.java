package io.suiji.registry.importing;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.platform.outbox.OutboxCopy;
import io.suiji.registry.TimeOrderedIds;
import io.suiji.registry.inspector.InspectorFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes chunks of good inspector rows, upserting by 执法证号 with batched statements (inspector
 * files have hundreds of rows, not millions); conflicts are resolved from entity codes to ids.
 */
final class InspectorImportWriter {

    private static final String LOOKUP = """
            select id, certificate_number, name, department, region, expertise, status, leaves::text, conflicts::text,
                   import_job, import_row
            from inspector where certificate_number = any(?) for update""";
    private static final String ENTITIES = "select code, id from target_entity where code = any(?)";
    private static final String INSERT = """
            insert into inspector (id, name, certificate_number, department, region, expertise, status, leaves, conflicts,
                                   import_job, import_row, created_by, updated_by)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)""";
    private static final String UPDATE = """
            update inspector set name = ?, department = ?, region = ?, expertise = ?, status = ?, leaves = cast(? as jsonb),
                   conflicts = cast(? as jsonb), import_job = ?, import_row = ?, updated_by = ?, updated_at = now(),
                   version = version + 1
            where id = ?""";
    private static final String TOUCH = "update inspector set import_job = ?, import_row = ? where id = ?";

    private final Connection connection;
    private final UUID job;
    private final String by;
    private final String scopePrefix;

    InspectorImportWriter(Connection connection, UUID job, String by, String scopePrefix) {
        this.connection = connection;
        this.job = job;
        this.by = by;
        this.scopePrefix = scopePrefix;
    }

    private record Existing(InspectorState state, UUID importJob, long importRow) {
    }

    ChunkResult write(List<InspectorRow> chunk) throws SQLException {
        Map<Long, String> rejected = new TreeMap<>();
        Map<String, InspectorRow> byCertificate = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (InspectorRow row : chunk) {
            InspectorRow first = byCertificate.putIfAbsent(row.facts().certificateNumber(), row);
            if (first != null) {
                rejected.put(row.number(), "执法证号 " + row.facts().certificateNumber() + " is already in row " + first.number()
                        + " of this file");
            }
            row.conflicts().forEach(c -> codes.add(c.code()));
        }
        Map<String, Existing> existing = lookup(byCertificate.keySet());
        Map<String, String> entityIds = entityIds(codes);
        OutboxCopy events = new OutboxCopy();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
                PreparedStatement update = connection.prepareStatement(UPDATE);
                PreparedStatement touch = connection.prepareStatement(TOUCH)) {
            for (InspectorRow row : byCertificate.values()) {
                Existing old = existing.get(row.facts().certificateNumber());
                String problem = problem(row, old, entityIds);
                if (problem != null) {
                    rejected.put(row.number(), problem);
                    continue;
                }
                InspectorState state = merge(row, old == null ? null : old.state(), entityIds);
                if (old != null && state.equals(old.state())) {
                    unchanged++;
                    touch.setObject(1, job);
                    touch.setLong(2, row.number());
                    touch.setObject(3, UUID.fromString(state.id()));
                    touch.addBatch();
                    continue;
                }
                String leaves = json(state.leaves());
                String conflicts = json(state.conflicts());
                if (old == null) {
                    created++;
                    int i = 1;
                    insert.setObject(i++, UUID.fromString(state.id()));
                    insert.setString(i++, state.name());
                    insert.setString(i++, state.certificateNumber());
                    insert.setString(i++, state.department());
                    insert.setString(i++, state.region());
                    insert.setArray(i++, connection.createArrayOf("text", state.expertise().toArray()));
                    insert.setString(i++, state.status().name());
                    insert.setString(i++, leaves);
                    insert.setString(i++, conflicts);
                    insert.setObject(i++, job);
                    insert.setLong(i++, row.number());
                    insert.setString(i++, by);
                    insert.setString(i, by);
                    insert.addBatch();
                    events.addLine(OutboxCopy.line(TimeOrderedIds.next(), new InspectorRegistered(state)));
                } else {
                    updated++;
                    int i = 1;
                    update.setString(i++, state.name());
                    update.setString(i++, state.department());
                    update.setString(i++, state.region());
                    update.setArray(i++, connection.createArrayOf("text", state.expertise().toArray()));
                    update.setString(i++, state.status().name());
                    update.setString(i++, leaves);
                    update.setString(i++, conflicts);
                    update.setObject(i++, job);
                    update.setLong(i++, row.number());
                    update.setString(i++, by);
                    update.setObject(i, UUID.fromString(state.id()));
                    update.addBatch();
                    events.addLine(OutboxCopy.line(TimeOrderedIds.next(), new InspectorUpdated(state)));
                }
            }
            insert.executeBatch();
            update.executeBatch();
            touch.executeBatch();
        }
        events.flush(connection);
        return new ChunkResult(created, updated, unchanged, rejected);
    }

    private String problem(InspectorRow row, Existing old, Map<String, String> entityIds) {
        if (old != null && job.equals(old.importJob())) {
            return "执法证号 " + row.facts().certificateNumber() + " is already in row " + old.importRow() + " of this file";
        }
        if (old != null && !old.state().region().startsWith(scopePrefix)) {
            return "this inspector belongs to region " + old.state().region() + ", outside your region";
        }
        if (old != null && old.state().status() == InspectorStatus.RETIRED) {
            return "this inspector has retired; a retired inspector is not changed by an import";
        }
        List<String> unknown = row.conflicts().stream().map(InspectorRow.ConflictRef::code)
                .filter(code -> !entityIds.containsKey(code)).distinct().toList();
        if (!unknown.isEmpty()) {
            return InspectorColumn.CONFLICTS.header() + ": no entity with code " + String.join(", ", unknown.stream()
                    .map(c -> c.length() == 64 ? "(公民身份号码)" : c).toList()) + " in the registry";
        }
        return null;
    }

    private InspectorState merge(InspectorRow row, InspectorState old, Map<String, String> entityIds) {
        Set<InspectorColumn> has = row.present();
        InspectorFacts f = row.facts();
        boolean keep = old != null;
        List<ConflictDeclaration> conflicts = new ArrayList<>();
        for (InspectorRow.ConflictRef ref : row.conflicts()) {
            String id = entityIds.get(ref.code());
            if (conflicts.stream().noneMatch(c -> c.entityId().equals(id))) {
                conflicts.add(new ConflictDeclaration(id, ref.reason(), ref.declaredOn()));
            }
        }
        return new InspectorState(
                old == null ? TimeOrderedIds.next().toString() : old.id(),
                f.name(),
                f.certificateNumber(),
                f.department(),
                f.region(),
                keep && !has.contains(InspectorColumn.EXPERTISE) ? old.expertise() : f.expertise(),
                keep && !has.contains(InspectorColumn.STATUS) ? old.status() : f.status(),
                keep && !has.contains(InspectorColumn.LEAVES) ? old.leaves() : f.leaves(),
                keep && !has.contains(InspectorColumn.CONFLICTS) ? old.conflicts() : conflicts);
    }

    private Map<String, Existing> lookup(Set<String> certificates) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(LOOKUP)) {
            s.setArray(1, connection.createArrayOf("text", certificates.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    InspectorState state = new InspectorState(r.getString("id"), r.getString("name"),
                            r.getString("certificate_number"), r.getString("department"), r.getString("region"),
                            List.of((String[]) r.getArray("expertise").getArray()),
                            InspectorStatus.valueOf(r.getString("status")),
                            read(r.getString(8), new com.fasterxml.jackson.core.type.TypeReference<List<io.suiji.contracts.registry.Leave>>() {
                            }),
                            read(r.getString(9), new com.fasterxml.jackson.core.type.TypeReference<List<ConflictDeclaration>>() {
                            }));
                    String importJob = r.getString("import_job");
                    found.put(state.certificateNumber(), new Existing(state,
                            importJob == null ? null : UUID.fromString(importJob), r.getLong("import_row")));
                }
            }
        }
        return found;
    }

    private Map<String, String> entityIds(Set<String> codes) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        if (codes.isEmpty()) {
            return ids;
        }
        try (PreparedStatement s = connection.prepareStatement(ENTITIES)) {
            s.setArray(1, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.put(r.getString(1), r.getString(2));
                }
            }
        }
        return ids;
    }

    private static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return io.suiji.contracts.EventJson.mapper().readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return io.suiji.contracts.EventJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
