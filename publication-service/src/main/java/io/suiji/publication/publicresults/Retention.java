package io.suiji.publication.publicresults;

import java.time.OffsetDateTime;
import java.time.Period;

/**
 * How long a published result stays public (issue #7): five years, two for a natural person. Plain
 * Java, so the cut-offs are tested on their own; the public queries and the withdrawal job both
 * take their cut-offs from here.
 */
public final class Retention {

    public static final Period ORGANISATION = Period.ofYears(5);
    public static final Period NATURAL_PERSON = Period.ofYears(2);
    public static final String ORGANISATION_REASON = "公示期满五年，撤出公开查询";
    public static final String NATURAL_PERSON_REASON = "涉及自然人的结果公示期满两年，撤出公开查询";

    /**
     * SQL over {@code entity_view e}: the result is about a known organisation. An entity not (yet)
     * known counts as a natural person, so its result gets the shorter period.
     */
    public static final String KNOWN_ORGANISATION = "(e.id is not null and e.code_kind is distinct from 'RESIDENT_ID_HASH')";

    /** Results published at or before these instants have left the public view. */
    public record Cutoffs(OffsetDateTime organisation, OffsetDateTime naturalPerson) {
    }

    private Retention() {
    }

    /** {@code now} in China Standard Time, so that years end where the bureau's calendar does. */
    public static Cutoffs at(OffsetDateTime now) {
        return new Cutoffs(now.minus(ORGANISATION), now.minus(NATURAL_PERSON));
    }

    public static boolean isPublic(OffsetDateTime publishedAt, boolean naturalPerson, OffsetDateTime now) {
        Cutoffs cutoffs = at(now);
        return publishedAt.isAfter(naturalPerson ? cutoffs.naturalPerson() : cutoffs.organisation());
    }
}
