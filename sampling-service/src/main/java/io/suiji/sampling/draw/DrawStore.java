package io.suiji.sampling.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.draw.InspectorGroup;
import io.suiji.draw.Selection;
import io.suiji.platform.outbox.OutboxCopy;
import io.suiji.sampling.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The draw's bulk reads and writes, in plain JDBC on the current transaction. */
@ApplicationScoped
public class DrawStore {

    // One row per entity of the plan's region, with what the exclusion rules need, from both the
    // registry's record (last inspection per matter) and enforcement's facts. The annual cap counts
    // only enforcement's closed inspections: they name the department, the registry's count does not.
    // Set-based (one grouped pass over the region's history, hash joins) rather than six subqueries
    // per entity: 1,000,000 candidates in ~1 s of database time instead of ~6.6 s (bench/RESULTS.md).
    private static final String CANDIDATES = """
            with history as (
                select h.entity_id,
                       max(h.closed_on) filter (where h.matter_code = any(?)) as history_last,
                       count(*) filter (where h.department = ? and h.closed_on between ? and ?) as department_count,
                       array_agg(distinct h.outcome)
                           filter (where h.outcome is not null and h.closed_on between ? and ?) as outcomes_last_year
                  from inspection_history h
                 where h.entity_id in (select r.id from entity_view r where r.region like ?)
                 group by h.entity_id),
            open_case as (
                select distinct c.entity_id from case_view c where c.closed_on is null),
            selected_earlier as (
                select distinct s.entity_id from draw_selection s join draw d on d.id = s.draw_id
                 where d.plan_id = ? and d.task_id = ? and d.status = 'COMPLETED')
            select e.id, e.region, e.target_types, e.credit_class, e.complaints_last_12_months, e.serious_violation,
                   e.deregistered_on,
                   (select max((e.last_inspected_by_matter ->> m)::date) from unnest(?::text[]) m) as registry_last,
                   h.history_last, coalesce(h.department_count, 0) as department_count, h.outcomes_last_year,
                   o.entity_id is not null as open_case, p.entity_id is not null as selected_earlier
              from entity_view e
              left join history h on h.entity_id = e.id
              left join open_case o on o.entity_id = e.id
              left join selected_earlier p on p.entity_id = e.id
             where e.region like ?""";

    // Counts the groups that actually work: the last approved manual adjustment's, else the drawn one.
    private static final String PRIOR_WORKLOAD = """
            select i.inspector_id, count(*) from draw_selection s join draw d on d.id = s.draw_id
                   cross join lateral unnest(coalesce(
                       (select array(select json_array_elements_text(a.group_after)) from group_adjustment a
                         where a.draw_id = s.draw_id and a.ordinal = s.ordinal and a.status = 'APPROVED'
                         order by a.decided_at desc limit 1),
                       s.inspector_ids)) as i(inspector_id)
             where d.status = 'COMPLETED' and d.plan_year = ?
             group by i.inspector_id""";

    private static final String PREVIOUS = """
            select distinct on (h.entity_id) h.entity_id, h.inspector_ids
              from inspection_history h join entity_view e on e.id = h.entity_id
             where e.region like ?
             order by h.entity_id, h.closed_on desc, h.inspection_id desc""";

    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;

    @Inject
    public DrawStore(Jdbc jdbc, AgroalDataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Hands every candidate of the region to {@code each}, read through a cursor 10,000 rows at a
     * time: a province's million entities are never all in memory as facts.
     *
     * @param department the draw's department, whose inspections this year count against the annual cap
     */
    public void candidates(String regionPrefix, List<String> matterCodes, int year, String department,
                           UUID planId, String taskId, Consumer<EntityFacts> each) {
        jdbc.work(connection -> {
            candidates(connection, regionPrefix, matterCodes, year, department, planId, taskId, each);
            return null;
        });
    }

    /** The same on a connection of one's own (autocommit off, or the cursor reads everything at once). */
    public static void candidates(Connection connection, String regionPrefix, List<String> matterCodes, int year,
                                  String department, UUID planId, String taskId, Consumer<EntityFacts> each)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(CANDIDATES)) {
            ps.setArray(1, Jdbc.textArray(connection, matterCodes));
            ps.setString(2, department);
            Jdbc.setDate(ps, 3, LocalDate.of(year, 1, 1));
            Jdbc.setDate(ps, 4, LocalDate.of(year, 12, 31));
            Jdbc.setDate(ps, 5, LocalDate.of(year - 1, 1, 1));
            Jdbc.setDate(ps, 6, LocalDate.of(year - 1, 12, 31));
            ps.setString(7, regionPrefix + "%");
            ps.setObject(8, planId);
            ps.setString(9, taskId);
            ps.setArray(10, Jdbc.textArray(connection, matterCodes));
            ps.setString(11, regionPrefix + "%");
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate registryLast = Jdbc.date(rs, "registry_last");
                    LocalDate historyLast = Jdbc.date(rs, "history_last");
                    LocalDate last = registryLast == null ? historyLast
                            : historyLast == null || registryLast.isAfter(historyLast) ? registryLast : historyLast;
                    each.accept(new EntityFacts(rs.getString("id"), rs.getString("region"),
                            Jdbc.textList(rs, "target_types"), rs.getString("credit_class"),
                            rs.getInt("complaints_last_12_months"), rs.getBoolean("serious_violation"),
                            Jdbc.date(rs, "deregistered_on"), last, rs.getInt("department_count"),
                            outcomes(Jdbc.textList(rs, "outcomes_last_year")), rs.getBoolean("open_case"),
                            rs.getBoolean("selected_earlier")));
                }
            }
        }
    }

    // Outcomes are stored by enum name; one this version does not know is left out rather than guessed.
    private static Set<Outcome> outcomes(List<String> names) {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (String name : names) {
            try {
                outcomes.add(Outcome.valueOf(name));
            } catch (IllegalArgumentException e) {
                // an outcome from a newer enforcement-service
            }
        }
        return outcomes;
    }

    public List<InspectorFacts> inspectors() {
        return jdbc.work(connection -> {
            List<InspectorFacts> inspectors = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("select state from inspector_view order by id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InspectorState s = read(rs.getString(1), InspectorState.class);
                    inspectors.add(new InspectorFacts(s.id(), s.department(), s.region(), s.expertise(),
                            s.status() == null ? null : s.status().name(),
                            s.certificateNumber() != null && !s.certificateNumber().isBlank(), s.leaves(),
                            s.conflicts().stream().map(ConflictDeclaration::entityId).toList()));
                }
            }
            return inspectors;
        });
    }

    /** Targets each inspector was assigned by the completed draws of the year. */
    public Map<String, Integer> priorWorkload(int year) {
        return jdbc.work(connection -> {
            Map<String, Integer> load = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(PRIOR_WORKLOAD)) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        load.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return load;
        });
    }

    /** The group of each entity's last closed inspection, for rotation. */
    public Map<String, List<String>> previousInspectors(String regionPrefix) {
        return jdbc.work(connection -> {
            Map<String, List<String>> previous = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(PREVIOUS)) {
                ps.setString(1, regionPrefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        previous.put(rs.getString(1), Jdbc.textList(rs, "inspector_ids"));
                    }
                }
            }
            return previous;
        });
    }

    public void savePopulation(UUID drawId, List<byte[]> chunks) {
        jdbc.work(connection -> {
            PopulationChunks.write(connection, drawId, chunks);
            return null;
        });
    }

    /**
     * The frozen population file, streamed from its chunks: read and close it in this transaction.
     * {@code null} if the draw has none.
     */
    public InputStream population(UUID drawId) {
        return jdbc.work(connection -> PopulationChunks.open(connection, drawId));
    }

    /** The population file's size in bytes, -1 if the draw has none. */
    public long populationSize(UUID drawId) {
        return jdbc.work(connection -> PopulationChunks.size(connection, drawId));
    }

    /** Streams the population file for a download, outside any transaction (see PopulationChunks#copy). */
    public void copyPopulation(UUID drawId, OutputStream out) throws IOException {
        PopulationChunks.copy(dataSource, drawId, out);
    }

    public void saveExclusions(UUID drawId, List<PopulationRules.Excluded> excluded) {
        jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "insert into draw_exclusion (draw_id, entity_id, reason) values (?, ?, ?)")) {
                int n = 0;
                for (PopulationRules.Excluded e : excluded) {
                    ps.setObject(1, drawId);
                    ps.setString(2, e.entityId());
                    ps.setString(3, e.reason().label());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** An excluded entity, for auditors. */
    public record ExcludedEntity(String entityId, String reason) {
    }

    public List<ExcludedEntity> exclusions(UUID drawId) {
        return jdbc.work(connection -> {
            List<ExcludedEntity> result = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "select entity_id, reason from draw_exclusion where draw_id = ? order by reason, entity_id")) {
                ps.setObject(1, drawId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new ExcludedEntity(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return result;
        });
    }

    public void saveSelections(UUID drawId, List<Selection> selection, List<InspectorGroup> groups) {
        jdbc.work(connection -> {
            SelectionRows.copy(connection, drawId, selection, groups);
            return null;
        });
    }

    /**
     * Records the events in the outbox of this transaction by COPY, in order (the rows
     * {@code Outbox.publish} writes one INSERT each), taking them one at a time from {@code events}.
     * The relay is woken by the transaction's next {@code Outbox.publish}.
     */
    public void publishAll(Iterable<? extends SuijiEvent> events) {
        jdbc.work(connection -> {
            OutboxCopy.write(connection, events);
            return null;
        });
    }

    /** One entry of a completed draw's selection, with the group the draw gave it. */
    public record SelectedTarget(String entityId, String entityRegion, List<String> drawnInspectorIds) {
    }

    public Optional<SelectedTarget> selection(UUID drawId, int ordinal) {
        return jdbc.work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select entity_id, entity_region, inspector_ids from draw_selection where draw_id = ? and ordinal = ?")) {
                ps.setObject(1, drawId);
                ps.setInt(2, ordinal);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SelectedTarget(rs.getString(1), rs.getString(2),
                            Jdbc.textList(rs, "inspector_ids"))) : Optional.empty();
                }
            }
        });
    }

    public static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
