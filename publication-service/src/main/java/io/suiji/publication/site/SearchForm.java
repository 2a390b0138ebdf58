package io.suiji.publication.site;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.publication.publicresults.ResultQuery;
import io.suiji.publication.region.RegionNames;
import java.util.Arrays;
import java.util.List;

/** The values a results search was made with, to show them again in the form. */
public record SearchForm(String name, String code, String matter, String year, String region, String outcome) {

    static SearchForm of(ResultQuery q) {
        return new SearchForm(blank(q.name()), blank(q.code()), blank(q.matter()),
                q.year() == null ? "" : q.year().toString(), blank(q.region()), q.outcome() == null ? "" : q.outcome().name());
    }

    /** An outcome a visitor may pick, with its Chinese label. */
    public record Option(String code, String label, boolean selected) {
    }

    /** The regions a visitor may pick, the city first; a searched code not in the list is kept as its own choice. */
    public List<Option> regions() {
        List<Option> options = new java.util.ArrayList<>(RegionNames.all().stream()
                .map(r -> new Option(r.code(), r.name() + "（" + r.code() + "）", r.code().equals(region))).toList());
        if (!region.isEmpty() && options.stream().noneMatch(Option::selected)) {
            options.add(new Option(region, region, true));
        }
        return options;
    }

    public List<Option> outcomes() {
        return Arrays.stream(Outcome.values()).map(o -> new Option(o.name(), o.label(), o.name().equals(outcome))).toList();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
