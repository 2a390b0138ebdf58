package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.MatterStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every version of one matter, oldest first, and the questions asked of them: which is the latest,
 * which was in force on a given day, when was a version superseded.
 *
 * <p>A draft is never in force. Among the other versions, the one in force on day D is the
 * highest-numbered version whose effective date is on or before D — unless that version is the
 * RETIRED one, in which case none is.
 */
public final class MatterHistory {

    private final List<MatterVersion> versions;

    public MatterHistory(List<MatterVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a matter has at least one version");
        }
        this.versions = versions.stream().sorted(Comparator.comparingInt(MatterVersion::version)).toList();
    }

    public String code() {
        return versions.get(0).code();
    }

    /** Every version, oldest first; drafts only when {@code includeDrafts}. */
    public List<MatterVersion> versions(boolean includeDrafts) {
        return versions.stream().filter(v -> includeDrafts || !v.draft()).toList();
    }

    public MatterVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The newest version a caller may see: drafts only for those who may see drafts. */
    public Optional<MatterVersion> latest(boolean includeDrafts) {
        List<MatterVersion> visible = versions(includeDrafts);
        return visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(visible.size() - 1));
    }

    public Optional<MatterVersion> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    /** The version in force on {@code day}; empty before the first publication and after retirement. */
    public Optional<MatterVersion> inForceOn(LocalDate day) {
        return versions.stream()
                .filter(v -> !v.draft() && v.effectiveFrom() != null && !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparingInt(MatterVersion::version))
                .filter(v -> v.status() != MatterStatus.RETIRED);
    }

    /** The day a later published or retiring version took over from {@code version}; empty if none has. */
    public Optional<LocalDate> supersededOn(MatterVersion version) {
        if (version.draft()) {
            return Optional.empty();
        }
        return versions.stream()
                .filter(v -> v.version() > version.version() && !v.draft())
                .map(MatterVersion::effectiveFrom)
                .findFirst();
    }

    /** The current entry of the published catalogue: the latest version, if it is published. */
    public Optional<MatterVersion> published() {
        return Optional.of(latest()).filter(v -> v.status() == MatterStatus.PUBLISHED);
    }

    public boolean retired() {
        return latest().status() == MatterStatus.RETIRED;
    }

    /** The effective date of the latest published or retired version, which a new one may not precede. */
    public Optional<LocalDate> lastEffectiveFrom() {
        return latest(false).map(MatterVersion::effectiveFrom);
    }
}
