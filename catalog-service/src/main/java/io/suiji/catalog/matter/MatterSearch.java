package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A search of the catalogue (抽查事项查询). Absent criteria match everything; text criteria match
 * parts of words ({@code 用工单位} finds 劳务派遣单位和用工单位), ignoring case.
 *
 * <p>For each matter the search looks at one version: the one in force on {@code inForceOn} when
 * given, else the newest the caller may see. Retired matters appear only when asked for by status.
 *
 * <p>The whole catalogue is filtered in memory: a bureau's catalogue has tens of matters, a
 * province's a few hundred, and the filter stays one plain, tested function.
 */
public record MatterSearch(
        MatterCategory category,
        String targetType,
        InspectionMethod method,
        ImplementingLevel level,
        String unit,
        String text,
        MatterStatus status,
        LocalDate inForceOn) {

    /** A matter with the version the search looked at. */
    public record Hit(MatterHistory history, MatterVersion version) {
    }

    /** Catalogue order: 序号, then code; matters without a 序号 last. */
    public static final Comparator<MatterVersion> CATALOGUE_ORDER = Comparator
            .comparing((MatterVersion v) -> v.content().displayOrder(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MatterVersion::code);

    public static MatterSearch everything() {
        return new MatterSearch(null, null, null, null, null, null, null, null);
    }

    public List<Hit> run(List<MatterHistory> catalogue, boolean includeDrafts) {
        return catalogue.stream()
                .flatMap(history -> pick(history, includeDrafts).map(v -> new Hit(history, v)).stream())
                .filter(hit -> matches(hit.version()))
                .sorted(Comparator.comparing(Hit::version, CATALOGUE_ORDER))
                .toList();
    }

    private Optional<MatterVersion> pick(MatterHistory history, boolean includeDrafts) {
        return inForceOn != null ? history.inForceOn(inForceOn) : history.latest(includeDrafts);
    }

    public boolean matches(MatterVersion version) {
        MatterContent c = version.content();
        boolean statusMatches = status != null ? version.status() == status : version.status() != MatterStatus.RETIRED;
        return statusMatches
                && (category == null || c.category() == category)
                && (method == null || c.methods().contains(method))
                && (level == null || c.levels().contains(level))
                && (targetType == null || anyContains(c.targetTypes().stream(), targetType))
                && (unit == null || anyContains(c.responsibleUnits().stream(), unit))
                && (text == null || anyContains(Stream.of(
                        Stream.of(version.code(), c.name(), c.implementingBody()),
                        c.legalBases().stream(), c.targetTypes().stream(), c.checkItems().stream(),
                        c.responsibleUnits().stream()).flatMap(s -> s), text));
    }

    private static boolean anyContains(Stream<String> values, String wanted) {
        String needle = wanted.strip().toLowerCase(Locale.ROOT);
        return values.anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(needle));
    }
}
