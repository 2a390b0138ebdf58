package io.suiji.bench.assignments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What enforcement-service made of one draw, read from its database after the run: every selection
 * must have exactly one assignment, for the right entity, with its group and the matter's check
 * items, and every event must have been recorded once by the inbox.
 *
 * @param assignments   assignment rows of the draw
 * @param distinct      distinct ordinals among them (fewer than {@code assignments}: duplicates)
 * @param missing       ordinals 1..n without an assignment (lost)
 * @param wrongEntity   assignments whose entity or region is not the one drawn at their ordinal
 * @param withoutGroup  assignments without their two inspectors
 * @param withoutItems  assignments without the matter's check items
 * @param inboxRecords  inbox rows of the selection consumer (one per event id applied)
 * @param expectedCount the draw's count as enforcement recorded it from DrawCompleted (-1: not arrived)
 */
record AssignmentCheck(long assignments, long distinct, long missing, long wrongEntity, long withoutGroup,
        long withoutItems, long inboxRecords, long expectedCount) {

    static long count(Connection db, String drawId) throws SQLException {
        return single(db, "select count(*) from assignment where draw_id = ?", drawId);
    }

    static AssignmentCheck of(Connection db, SelectionEvents draw) throws SQLException {
        String id = draw.drawId();
        long assignments = count(db, id);
        long distinct = single(db, "select count(distinct ordinal) from assignment where draw_id = ?", id);
        long missing = single(db, "select count(*) from generate_series(1, " + draw.n() + ") o"
                + " where not exists (select 1 from assignment a where a.draw_id = ? and a.ordinal = o)", id);
        long wrongEntity = 0;
        try (PreparedStatement ps = db.prepareStatement("select ordinal, entity_id, entity_region from assignment where draw_id = ?")) {
            ps.setString(1, id);
            ps.setFetchSize(5_000);
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    int ordinal = rows.getInt(1);
                    if (!SelectionEvents.entityOf(ordinal).equals(rows.getString(2))
                            || !SelectionEvents.regionOf(ordinal).equals(rows.getString(3))) {
                        wrongEntity++;
                    }
                }
            }
        }
        long withoutGroup = single(db, "select count(*) from assignment a where a.draw_id = ?"
                + " and (select count(*) from assignment_member m where m.assignment_id = a.id) <> 2", id);
        long withoutItems = single(db, "select count(*) from assignment where draw_id = ? and check_items is null", id);
        long inbox = single(db, "select count(*) from processed_event where consumer = 'enforcement.selections'");
        long expected = single(db, "select coalesce(max(expected_count), -1) from draw_status where draw_id = ?", id);
        return new AssignmentCheck(assignments, distinct, missing, wrongEntity, withoutGroup, withoutItems, inbox, expected);
    }

    /** Lost: selections without an assignment, or with another entity's. */
    long lost() {
        return missing + wrongEntity;
    }

    long duplicated() {
        return assignments - distinct;
    }

    boolean passed(int n) {
        return assignments == n && lost() == 0 && duplicated() == 0 && withoutGroup == 0 && withoutItems == 0
                && inboxRecords == n && expectedCount == n;
    }

    @Override
    public String toString() {
        return String.format("%,d assignments, %,d distinct ordinals, %,d missing, %,d with another entity, %,d without"
                        + " their group of two, %,d without check items; inbox %,d events; DrawCompleted count %,d",
                assignments, distinct, missing, wrongEntity, withoutGroup, withoutItems, inboxRecords, expectedCount);
    }

    private static long single(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = ps.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
