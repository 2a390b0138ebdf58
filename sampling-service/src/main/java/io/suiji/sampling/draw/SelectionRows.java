package io.suiji.sampling.draw;

import io.suiji.draw.InspectorGroup;
import io.suiji.draw.Selection;
import io.suiji.platform.outbox.CopyText;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The {@code draw_selection} rows of an executed draw, written with COPY in the draw's transaction:
 * one statement per {@value #ROWS_PER_COPY} rows instead of one INSERT each (a draw from a million
 * targets selects 50,000). Plain JDBC, so that the benchmark runs the same code.
 */
public final class SelectionRows {

    static final int ROWS_PER_COPY = 10_000;

    private static final String COPY = """
            copy draw_selection (draw_id, ordinal, entity_id, entity_region, stratum, inclusion_probability, control,
                inspector_ids) from stdin""";

    private SelectionRows() {
    }

    /** One row per selected target, with the group the draw gave it (empty if none). */
    public static void copy(Connection connection, UUID drawId, List<Selection> selection, List<InspectorGroup> groups)
            throws SQLException {
        Map<Integer, List<String>> byOrdinal = new HashMap<>();
        groups.forEach(g -> byOrdinal.put(g.ordinal(), g.inspectors()));
        CopyText rows = new CopyText();
        for (Selection s : selection) {
            // Double.toString names the double exactly; PostgreSQL reads it back to the same bits.
            rows.field(drawId).field(s.ordinal()).field(s.id()).field(PopulationRules.regionOf(s.stratum()))
                    .field(s.stratum()).field(s.inclusionProbability()).field(s.control())
                    .array(byOrdinal.getOrDefault(s.ordinal(), List.of())).endRow();
            if (rows.rows() == ROWS_PER_COPY) {
                write(connection, rows);
                rows = new CopyText();
            }
        }
        write(connection, rows);
    }

    private static void write(Connection connection, CopyText rows) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.text()));
        } catch (IOException e) {
            throw new SQLException("COPY into draw_selection failed", e);
        }
    }
}
