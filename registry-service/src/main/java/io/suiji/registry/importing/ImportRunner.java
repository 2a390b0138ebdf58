package io.suiji.registry.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.suiji.contracts.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.OutboxRelay;
import io.suiji.registry.RegistryConfig;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs import jobs, one at a time on their own thread (the machine is shared; a second job waits
 * QUEUED). Streams the file row by row; writes good rows in chunks on one connection —
 * committing each chunk in KEEP_GOOD_ROWS mode, or keeping one transaction to the end in
 * ALL_OR_NOTHING mode, committed only if no row was rejected — and records progress and every
 * rejected row on a second connection, so that a client polling the job sees them as they come.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /**
     * A job being run is owned by the runner's progress connection through a session advisory lock on
     * (this key, the job id's hash): another instance starting up (a rolling update) sees the lock and
     * leaves the job alone; if the owner dies, its connection closes and the lock goes with it.
     */
    static final int JOB_LOCK = 0x53754a6f; // "SuJo"
    private static final String OWN = "select pg_try_advisory_lock(?, hashtext(?))";
    private static final String RELEASE = "select pg_advisory_unlock(?, hashtext(?))";
    private static final String START = "update import_job set status = 'RUNNING', started_at = now() where id = ? and status = 'QUEUED'";
    private static final String PROGRESS = """
            update import_job set bytes_read = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_created = ?,
                   rows_updated = ?, rows_unchanged = ?, applied = applied or ?, headers = coalesce(?, headers)
            where id = ?""";
    private static final String FINISH = """
            update import_job set status = ?, message = ?, bytes_read = case when ? < 0 then bytes_read else ? end,
                   rows_read = ?, rows_accepted = ?,
                   rows_rejected = ?, rows_created = ?, rows_updated = ?, rows_unchanged = ?, applied = ?, finished_at = now()
            where id = ?""";
    private static final String REJECT = "insert into import_rejection (job_id, row_number, reason, cells_sealed) values (?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final EntityRules rules;
    private final PersonalIds personalIds;
    private final RegistryConfig config;
    private final OutboxRelay relay;
    private final AuditLog audit;
    private ExecutorService executor;

    @Inject
    public ImportRunner(AgroalDataSource dataSource, EntityRules rules, PersonalIds personalIds, RegistryConfig config,
            OutboxRelay relay, AuditLog audit) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.rules = rules;
        this.personalIds = personalIds;
        this.config = config;
        this.relay = relay;
    }

    void start(@Observes StartupEvent ignored) throws SQLException {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "registry-import");
            t.setDaemon(true);
            return t;
        });
        failInterrupted();
    }

    /**
     * Jobs left QUEUED or RUNNING by a stopped instance end FAILED, saying whether rows were applied. A job
     * another live instance is running holds its lock ({@link #JOB_LOCK}) and is left alone; a job still
     * queued in another instance is failed here, and that instance then passes over it (START needs QUEUED).
     */
    void failInterrupted() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                update import_job set status = 'FAILED', finished_at = now(), message = 'interrupted: the service stopped'
                  || case when mode = 'KEEP_GOOD_ROWS' and applied then ' (rows committed before stay applied)'
                          else ' (nothing was applied)' end
                where status in ('QUEUED', 'RUNNING') and pg_try_advisory_xact_lock(?, hashtext(id::text))""")) {
            s.setInt(1, JOB_LOCK);
            int stale = s.executeUpdate();
            if (stale > 0) {
                LOG.warnf("%d import jobs were interrupted by the last stop and are marked FAILED", stale);
            }
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Queues the job; the file is deleted when the job ends. */
    public void submit(Job job, Path file) {
        executor.submit(() -> run(job, file));
    }

    /** What the runner needs to know about a job. */
    public record Job(UUID id, ImportKind kind, ImportMode mode, ImportFormat format, String scopePrefix, String createdBy) {
    }

    void run(Job job, Path file) {
        try (Connection progress = dataSource.getConnection(); Connection work = dataSource.getConnection()) {
            if (!own(progress, job)) {
                LOG.warnf("import job %s is no longer queued (another instance failed it at its start); passed over", job.id());
                return;
            }
            try {
                runOwned(job, file, progress, work);
            } finally {
                lock(progress, RELEASE, job);
            }
        } catch (SQLException e) {
            failed(job, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("cannot delete the upload %s: %s", file, e.getMessage());
            }
        }
    }

    /** Takes the job's lock and marks it RUNNING; false (and no lock kept) when it is no longer QUEUED. */
    private static boolean own(Connection progress, Job job) throws SQLException {
        if (!lock(progress, OWN, job)) {
            return false;
        }
        try (PreparedStatement s = progress.prepareStatement(START)) {
            s.setObject(1, job.id());
            if (s.executeUpdate() == 1) {
                return true;
            }
        }
        lock(progress, RELEASE, job);
        return false;
    }

    private static boolean lock(Connection connection, String sql, Job job) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setInt(1, JOB_LOCK);
            s.setString(2, job.id().toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private void runOwned(Job job, Path file, Connection progress, Connection work) {
        try {
            var options = new BulkImport.Options(job.id(), job.kind(), job.mode(), job.format(), job.scopePrefix(),
                    job.createdBy(), config.imports().chunkSize(), config.today());
            BulkImport.Result result = BulkImport.run(work, file, options, rules, personalIds, new BulkImport.Listener() {
                @Override
                public void progress(BulkImport.Counts counts, long bytesRead, List<BulkImport.Rejection> rejections,
                        List<String> header) throws SQLException {
                    record(progress, job, bytesRead, counts, rejections, header);
                }

                @Override
                public void committed() {
                    relay.wakeUp();
                }
            });
            finish(progress, job, result.status(), result.message(), Files.size(file), result.counts());
            recordFinished(job, result.status(), result.counts());
        } catch (Exception e) {
            failed(job, e);
        }
    }

    /** Records the job FAILED with what happened and whether rows stay applied. */
    private void failed(Job job, Exception e) {
        Throwable cause = e instanceof BulkImport.Failed failed ? failed.getCause() : e;
        BulkImport.Counts counts = e instanceof BulkImport.Failed failed ? failed.counts : new BulkImport.Counts();
        LOG.errorf(cause, "import job %s failed", job.id());
        String message = describe(cause) + (job.mode() == ImportMode.KEEP_GOOD_ROWS && counts.applied
                ? " Rows committed before the failure stay applied (" + (counts.created + counts.updated) + ")."
                : " Nothing was applied.");
        try (Connection c = dataSource.getConnection()) {
            finish(c, job, ImportStatus.FAILED, message, -1, counts);
            recordFinished(job, ImportStatus.FAILED, counts);
        } catch (SQLException again) {
            LOG.errorf(again, "cannot record the failure of import job %s", job.id());
        }
    }

    /*
     * The rows are written in chunks on the runner's own connection; the job's outcome is recorded once,
     * as the import runner's, after the job's status — the upload itself is recorded against its caller.
     */
    private void recordFinished(Job job, ImportStatus status, BulkImport.Counts counts) {
        var outcome = new FinishedImport(status, job.createdBy(), counts.rowsRead, counts.accepted, counts.rejected,
                counts.created, counts.updated, counts.unchanged, counts.applied);
        QuarkusTransaction.requiringNew().run(
                () -> audit.appendAsSystem("import", "import.finished", "import", job.id(), null, outcome));
    }

    record FinishedImport(ImportStatus status, String uploadedBy, long rowsRead, long accepted, long rejected,
            long created, long updated, long unchanged, boolean applied) {
    }

    private void record(Connection progress, Job job, long bytesRead, BulkImport.Counts counts,
            List<BulkImport.Rejection> rejections, List<String> headers) throws SQLException {
        if (!rejections.isEmpty()) {
            try (PreparedStatement s = progress.prepareStatement(REJECT)) {
                for (BulkImport.Rejection r : rejections) {
                    s.setObject(1, job.id());
                    s.setLong(2, r.number());
                    s.setString(3, r.reason());
                    s.setBytes(4, personalIds.seal(EventJson.mapper().writeValueAsString(r.cells())));
                    s.addBatch();
                }
                s.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try (PreparedStatement s = progress.prepareStatement(PROGRESS)) {
            int i = 1;
            s.setLong(i++, bytesRead);
            s.setLong(i++, counts.rowsRead);
            s.setLong(i++, counts.accepted);
            s.setLong(i++, counts.rejected);
            s.setLong(i++, counts.created);
            s.setLong(i++, counts.updated);
            s.setLong(i++, counts.unchanged);
            s.setBoolean(i++, counts.applied);
            s.setArray(i++, headers == null ? null : progress.createArrayOf("text", headers.toArray()));
            s.setObject(i, job.id());
            s.executeUpdate();
        }
    }

    private static void finish(Connection c, Job job, ImportStatus status, String message, long bytesRead,
            BulkImport.Counts counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FINISH)) {
            int i = 1;
            s.setString(i++, status.name());
            s.setString(i++, message);
            s.setLong(i++, bytesRead);
            s.setLong(i++, bytesRead);
            s.setLong(i++, counts.rowsRead);
            s.setLong(i++, counts.accepted);
            s.setLong(i++, counts.rejected);
            s.setLong(i++, counts.created);
            s.setLong(i++, counts.updated);
            s.setLong(i++, counts.unchanged);
            s.setBoolean(i++, counts.applied);
            s.setObject(i, job.id());
            s.executeUpdate();
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof HeaderSearch.HeaderException header) {
            return header.getMessage() + ".";
        }
        if (e instanceof UnreadableFileException) {
            return e.getMessage() + ".";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "the import stopped: " + root.getMessage() + ".";
    }
}
