package io.suiji.catalog.matter;

import io.suiji.catalog.CatalogConfig;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's lifecycle: DRAFT → PUBLISHED → RETIRED, a new version for every change to a
 * published matter. Every published change leaves as an event through the outbox, in the same
 * transaction; drafts are internal and send nothing.
 */
@ApplicationScoped
public class MatterService {

    private final Outbox outbox;
    private final CatalogConfig config;
    private final AuditLog audit;

    @Inject
    public MatterService(Outbox outbox, CatalogConfig config, AuditLog audit) {
        this.outbox = outbox;
        this.config = config;
        this.audit = audit;
    }

    /** A version and whether this call created it (false: an unchanged revision, or a draft edited in place). */
    public record Outcome(MatterVersion version, boolean created) {
    }

    // ---- reading

    /** Every matter with all its versions, in code order. */
    public List<MatterHistory> catalogue() {
        Map<String, List<MatterVersion>> byCode = new LinkedHashMap<>();
        for (MatterVersionEntity row : MatterVersionEntity.catalogue()) {
            byCode.computeIfAbsent(row.code, c -> new java.util.ArrayList<>()).add(row.toDomain());
        }
        return byCode.values().stream().map(MatterHistory::new).toList();
    }

    public Optional<MatterHistory> history(String code) {
        List<MatterVersion> versions = MatterVersionEntity.of(code).stream().map(MatterVersionEntity::toDomain).toList();
        return versions.isEmpty() ? Optional.empty() : Optional.of(new MatterHistory(versions));
    }

    // ---- writing

    /** Records a new matter as version 1, a DRAFT. */
    @Transactional
    public MatterVersion createDraft(String code, MatterContent content, String sourceDocument, String caller) {
        content = withLevelsOfBody(content);
        reject(concat(MatterRules.checkCode(code), MatterRules.checkDraft(content)));
        claimCode(code, content.name(), caller);
        MatterVersion draft = insert(code, 1, MatterStatus.DRAFT, null, content, sourceDocument, null, caller).toDomain();
        audit.append("matter.drafted", "matter", code, null, draft);
        return draft;
    }

    /** Creates a matter and publishes it at once (imports and seeds, which carry complete matters). */
    @Transactional
    public MatterVersion createPublished(String code, MatterContent content, LocalDate effectiveFrom,
            String sourceDocument, String caller) {
        content = withLevelsOfBody(content);
        reject(concat(MatterRules.checkCode(code), MatterRules.checkPublishable(content)));
        claimCode(code, content.name(), caller);
        MatterVersion published = insert(code, 1, MatterStatus.PUBLISHED, effectiveFrom, content, sourceDocument,
                null, caller).toDomain();
        outbox.publish(new MatterPublished(published.toState()));
        audit.append("matter.published", "matter", code, null, published);
        return published;
    }

    /**
     * Changes a matter. A draft is edited in place (it was never in force, so there is no history to
     * keep). A published matter gets a new published version effective from {@code effectiveFrom}
     * (default today) and {@code MatterRevised} is sent; a revision that changes nothing creates
     * nothing.
     *
     * @param expectedVersion when given, the version the change was made against: if the matter
     *                        has moved on since, nothing is changed (409)
     */
    @Transactional
    public Outcome revise(String code, MatterContent content, LocalDate effectiveFrom, String changeNote,
            String sourceDocument, String caller, Integer expectedVersion) {
        lock(code);
        MatterHistory history = history(code).orElseThrow(() -> ProblemException.notFound("matter", code));
        MatterVersion latest = history.latest();
        if (expectedVersion != null && latest.version() != expectedVersion) {
            throw ProblemException.conflict("stale-version", "matter " + code + " is at version " + latest.version()
                    + ", not " + expectedVersion + "; it changed meanwhile, check again");
        }
        content = withLevelsOfBody(content);
        String source = sourceDocument != null ? sourceDocument : latest.sourceDocument();
        switch (latest.status()) {
            case RETIRED -> throw ProblemException.conflict("matter-retired",
                    "matter " + code + " was retired on " + latest.effectiveFrom() + " and cannot change");
            case DRAFT -> {
                if (effectiveFrom != null) {
                    throw ProblemException.invalid("effectiveFrom",
                            "a draft takes its effective date when it is published");
                }
                reject(MatterRules.checkDraft(content));
                requireUniqueName(code, content.name());
                MatterVersionEntity row = row(code, latest.version());
                row.fill(content);
                row.sourceDocument = source;
                row.changeNote = changeNote;
                row.recordedBy = caller;
                row.recordedAt = OffsetDateTime.now();
                MatterVersion edited = row.toDomain();
                audit.append("matter.draft-edited", "matter", code, latest, edited);
                return new Outcome(edited, false);
            }
            default -> {
                if (content.differencesFrom(latest.content()).isEmpty()
                        && java.util.Objects.equals(source, latest.sourceDocument())) {
                    return new Outcome(latest, false);
                }
                reject(MatterRules.checkPublishable(content));
                LocalDate from = effectiveDate(history, effectiveFrom);
                requireUniqueName(code, content.name());
                MatterVersion revised = insert(code, latest.version() + 1, MatterStatus.PUBLISHED, from, content,
                        source, changeNote, caller).toDomain();
                outbox.publish(new MatterRevised(revised.toState(), changeNote));
                audit.append("matter.revised", "matter", code, latest, revised);
                return new Outcome(revised, true);
            }
        }
    }

    /** Publishes a draft, effective from {@code effectiveFrom} (default today); sends {@code MatterPublished}. */
    @Transactional
    public MatterVersion publish(String code, LocalDate effectiveFrom, String caller) {
        lock(code);
        MatterHistory history = history(code).orElseThrow(() -> ProblemException.notFound("matter", code));
        MatterVersion latest = history.latest();
        if (!latest.draft()) {
            throw ProblemException.conflict("not-a-draft", "matter " + code + " version " + latest.version()
                    + " is " + latest.status() + "; only a draft can be published");
        }
        reject(MatterRules.checkPublishable(latest.content()));
        LocalDate from = effectiveDate(history, effectiveFrom);
        MatterVersionEntity row = row(code, latest.version());
        row.status = MatterStatus.PUBLISHED;
        row.effectiveFrom = from;
        row.recordedBy = caller;
        row.recordedAt = OffsetDateTime.now();
        MatterVersion published = row.toDomain();
        outbox.publish(new MatterPublished(published.toState()));
        audit.append("matter.published", "matter", code, latest, published);
        return published;
    }

    /**
     * Retires a published matter from {@code effectiveFrom} (default today): a last version, status
     * RETIRED, with the same content and the reason; sends {@code MatterRetired}.
     */
    @Transactional
    public MatterVersion retire(String code, String reason, LocalDate effectiveFrom, String caller) {
        lock(code);
        MatterHistory history = history(code).orElseThrow(() -> ProblemException.notFound("matter", code));
        MatterVersion latest = history.latest();
        if (latest.status() != MatterStatus.PUBLISHED) {
            throw ProblemException.conflict("not-published", "matter " + code + " is " + latest.status()
                    + "; only a published matter can be retired");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "废止原因 is required");
        }
        LocalDate from = effectiveDate(history, effectiveFrom);
        MatterVersion retired = insert(code, latest.version() + 1, MatterStatus.RETIRED, from, latest.content(),
                latest.sourceDocument(), reason.strip(), caller).toDomain();
        outbox.publish(new MatterRetired(retired.toState(), reason.strip()));
        audit.append("matter.retired", "matter", code, latest, retired);
        return retired;
    }

    // ---- helpers

    private LocalDate effectiveDate(MatterHistory history, LocalDate requested) {
        LocalDate from = requested != null ? requested : config.today();
        Optional<LocalDate> last = history.lastEffectiveFrom();
        if (last.isPresent() && from.isBefore(last.get())) {
            throw ProblemException.invalid("effectiveFrom", "生效日期 " + from + " is before " + last.get()
                    + ", when version " + history.latest(false).orElseThrow().version() + " took effect");
        }
        return from;
    }

    private void claimCode(String code, String name, String caller) {
        if (MatterEntity.findById(code) != null) {
            throw ProblemException.conflict("duplicate-matter", "matter " + code + " already exists");
        }
        requireUniqueName(code, name);
        MatterEntity matter = new MatterEntity();
        matter.code = code;
        matter.createdBy = caller;
        matter.createdAt = OffsetDateTime.now();
        matter.persist();
    }

    // Imports match rows to matters by name, so two live matters may not share one.
    private static void requireUniqueName(String code, String name) {
        List<String> others = MatterVersionEntity.<MatterVersionEntity>find("""
                        from MatterVersionEntity v where v.name = ?1 and v.code <> ?2 and v.status <> ?3
                        and v.version = (select max(w.version) from MatterVersionEntity w where w.code = v.code)""",
                        name, code, MatterStatus.RETIRED)
                .stream().map(v -> v.code).toList();
        if (!others.isEmpty()) {
            throw ProblemException.conflict("duplicate-matter-name",
                    "抽查事项 " + name + " is already matter " + others.get(0));
        }
    }

    private static MatterVersionEntity insert(String code, int version, MatterStatus status, LocalDate effectiveFrom,
            MatterContent content, String sourceDocument, String changeNote, String caller) {
        MatterVersionEntity row = new MatterVersionEntity();
        row.code = code;
        row.version = version;
        row.status = status;
        row.fill(content);
        row.effectiveFrom = effectiveFrom;
        row.sourceDocument = sourceDocument;
        row.changeNote = changeNote;
        row.recordedBy = caller;
        row.recordedAt = OffsetDateTime.now();
        row.persist();
        return row;
    }

    private static MatterVersionEntity row(String code, int version) {
        return MatterVersionEntity.<MatterVersionEntity>find("code = ?1 and version = ?2", code, version)
                .singleResult();
    }

    private static void lock(String code) {
        if (MatterEntity.findById(code, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("matter", code);
        }
    }

    // A body that names its 实施层级 only in words (市、县人力资源社会保障部门) gets the levels from them.
    private static MatterContent withLevelsOfBody(MatterContent content) {
        if (content.levels().isEmpty() && content.implementingBody() != null) {
            return content.withLevels(ImplementingLevels.of(content.implementingBody()));
        }
        return content;
    }

    private static List<MatterRules.Violation> concat(List<MatterRules.Violation> a, List<MatterRules.Violation> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void reject(List<MatterRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
    }
}
