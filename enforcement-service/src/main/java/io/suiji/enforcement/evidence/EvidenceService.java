package io.suiji.enforcement.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.suiji.enforcement.Caller;
import io.suiji.enforcement.assignment.AssignmentService;
import io.suiji.enforcement.cases.CaseService;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 证据材料: a group member attaches files to an open assignment or case; its group and the staff
 * who may read it list and download them. The bytes are staged and hashed outside any
 * transaction; the row is inserted and the file moved into place in one transaction, and a
 * rollback removes the moved file again — a row never lacks its file, and a refused upload leaves
 * neither.
 */
@ApplicationScoped
public class EvidenceService {

    private static final Logger LOG = Logger.getLogger(EvidenceService.class);

    private final AssignmentService assignments;
    private final CaseService cases;
    private final EvidencePolicy policy;
    private final EvidenceStore store;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditLog audit;

    @Inject
    public EvidenceService(AssignmentService assignments, CaseService cases, EvidenceConfig config,
                           TransactionSynchronizationRegistry transactions, AuditLog audit) {
        this.audit = audit;
        this.assignments = assignments;
        this.cases = cases;
        this.policy = new EvidencePolicy(config.maxBytes(), config.contentTypes());
        this.store = new EvidenceStore(config.directory());
        this.transactions = transactions;
    }

    /** An upload as it arrived: the name and type the client gave, its length if known (else -1). */
    public record Upload(String filename, String contentType, long size, InputStream content) {
    }

    public EvidenceView upload(Caller caller, EvidenceOwner owner, Upload upload) {
        // Refuse early, before any byte is copied: unknown (404), not a member (403), closed (409).
        QuarkusTransaction.requiringNew().run(() -> writable(caller, owner));
        String filename = EvidencePolicy.filename(upload.filename());
        if (filename == null) {
            throw ProblemException.invalid("file.filename", "a file name is required");
        }
        policy.typeRefusal(upload.contentType()).ifPresent(refusal -> {
            throw refusal;
        });
        policy.sizeRefusal(upload.size()).ifPresent(refusal -> {
            throw refusal;
        });
        EvidenceStore.Staged staged;
        try {
            staged = store.stage(upload.content(), policy.maxBytes());
        } catch (EvidenceStore.TooLarge e) {
            throw policy.sizeRefusal(Long.MAX_VALUE).orElseThrow();
        }
        try {
            String type = EvidencePolicy.normalise(upload.contentType());
            policy.contentRefusal(type, staged.head()).ifPresent(refusal -> {
                throw refusal;
            });
            return QuarkusTransaction.requiringNew().call(() -> record(caller, owner, filename, type, staged));
        } finally {
            // After a successful commit the staged file has moved away; otherwise nothing must remain.
            store.discard(staged);
        }
    }

    private EvidenceView record(Caller caller, EvidenceOwner owner, String filename, String type,
                                EvidenceStore.Staged staged) {
        // Checked again under the row lock: the group may have closed the record meanwhile.
        writable(caller, owner);
        EvidenceFile file = new EvidenceFile();
        file.id = UUID.randomUUID();
        file.assignmentId = owner.kind() == EvidenceOwner.Kind.ASSIGNMENT ? owner.id() : null;
        file.caseId = owner.kind() == EvidenceOwner.Kind.CASE ? owner.id() : null;
        file.filename = filename;
        file.contentType = type;
        file.size = staged.size();
        file.sha256 = staged.sha256();
        file.storageKey = owner.storageKey(file.id);
        file.uploadedBy = caller.name();
        file.uploadedAt = OffsetDateTime.now();
        file.persistAndFlush();
        store.commit(staged, file.storageKey);
        transactions.registerInterposedSynchronization(new RemoveUnlessCommitted(file.storageKey));
        EvidenceView view = EvidenceView.of(file);
        // The view carries the file's SHA-256, so the trail pins the exact bytes uploaded.
        audit.append("evidence.uploaded", "evidence", file.id, null, view);
        return view;
    }

    @Transactional
    public List<EvidenceView> list(Caller caller, EvidenceOwner owner) {
        visible(caller, owner);
        String column = owner.kind() == EvidenceOwner.Kind.CASE ? "caseId" : "assignmentId";
        return EvidenceFile.<EvidenceFile>list(column + " = ?1 order by uploadedAt, id", owner.id()).stream()
                .map(EvidenceView::of).toList();
    }

    /** A stored file to serve, its SHA-256 checked against the record first. */
    public record Download(EvidenceView file, Path path) {
    }

    @Transactional
    public Download download(Caller caller, EvidenceOwner owner, UUID evidenceId) {
        visible(caller, owner);
        EvidenceFile file = EvidenceFile.findById(evidenceId);
        if (file == null || !EvidenceOwner.of(file).equals(owner)) {
            throw ProblemException.notFound("evidence file", evidenceId);
        }
        String actual = store.sha256Of(file.storageKey);
        if (!actual.equals(file.sha256)) {
            // The store was altered behind the service's back: a server fault, never served as evidence.
            LOG.errorf("evidence %s of %s: stored SHA-256 %s, file now %s", evidenceId, owner, file.sha256, actual);
            throw new IllegalStateException("evidence file " + evidenceId + " no longer matches its SHA-256");
        }
        return new Download(EvidenceView.of(file), store.path(file.storageKey));
    }

    private void writable(Caller caller, EvidenceOwner owner) {
        switch (owner.kind()) {
            case ASSIGNMENT -> assignments.writable(caller, owner.id());
            case CASE -> cases.writable(caller, owner.id());
        }
    }

    private void visible(Caller caller, EvidenceOwner owner) {
        switch (owner.kind()) {
            case ASSIGNMENT -> assignments.visible(caller, owner.id());
            case CASE -> cases.visible(caller, owner.id());
        }
    }

    /** Deletes the moved file when its transaction does not commit. */
    private final class RemoveUnlessCommitted implements Synchronization {

        private final String key;

        RemoveUnlessCommitted(String key) {
            this.key = key;
        }

        @Override
        public void beforeCompletion() {
            // Nothing to do before the outcome is known.
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                store.delete(key);
            }
        }
    }
}
