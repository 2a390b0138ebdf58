package io.suiji.registry;

import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.security.CallerScope;
import io.suiji.platform.security.RegionScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Region scoping of the registries, enforced in the queries (DESIGN §6): a county user sees and
 * changes its own region only, a city user every region of the city. A record of another region
 * does not exist for the caller (404), writing into another region is forbidden (403).
 */
@RequestScoped
public class RegionGuard {

    /** Matches no region code: the prefix of a caller without a region. */
    public static final String NOTHING = "-";

    private final CallerScope caller;

    @Inject
    public RegionGuard(CallerScope caller) {
        this.caller = caller;
    }

    /** The code prefix every visible record's region starts with. */
    public String prefix() {
        return caller.regionScope().map(RegionScope::prefix).orElse(NOTHING);
    }

    /**
     * Adds the scope to a query: a county's code is matched exactly (its index serves it), a city's
     * or province's prefix with LIKE.
     */
    public static void restrict(StringBuilder where, io.quarkus.panache.common.Parameters params, String prefix) {
        if (prefix.length() == 6 || prefix.equals(NOTHING)) {
            where.append(" and region = :scope");
            params.and("scope", prefix);
        } else {
            where.append(" and region like :scope");
            params.and("scope", prefix + "%");
        }
    }

    public boolean sees(String region) {
        return caller.covers(region);
    }

    /** @throws ProblemException 403 naming {@code field} when {@code region} is outside the caller's */
    public void requireWritable(String region, String field) {
        if (region != null && !caller.covers(region)) {
            String own = caller.region().orElse("none");
            throw new ProblemException(403, "outside-region", "Forbidden",
                    "your region " + own + " does not cover region " + region,
                    List.of(new Problem.FieldError(field, "region " + region + " is outside your region " + own)));
        }
    }
}
