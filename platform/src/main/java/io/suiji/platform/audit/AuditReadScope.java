package io.suiji.platform.audit;

import io.suiji.platform.security.RegionScope;
import java.util.Optional;

/**
 * Which rows of a service's audit trail a caller may read (docs/audit.md). Above the counties (a city
 * or province code) the whole trail: it is the department's record, and the rows of scheduled jobs
 * carry no region. A county only the rows written by its own county's users — a row's {@code region}
 * is its writer's claim. A caller without a valid region reads no rows.
 *
 * <p>Verifying the chain walks every row whatever the scope; only a whole-trail reader is told why a
 * link broke ({@link ChainVerifier.ChainVerification#withoutDetail()}).
 *
 * @param wholeTrail every row
 * @param region     otherwise the only region whose rows are read; null with {@code wholeTrail} false: none
 */
public record AuditReadScope(boolean wholeTrail, String region) {

    public static final AuditReadScope NOTHING = new AuditReadScope(false, null);

    public static AuditReadScope of(Optional<RegionScope> caller) {
        return caller.map(scope -> scope.isAboveCounty()
                        ? new AuditReadScope(true, null)
                        : new AuditReadScope(false, scope.region()))
                .orElse(NOTHING);
    }

    public boolean readsNothing() {
        return !wholeTrail && region == null;
    }
}
