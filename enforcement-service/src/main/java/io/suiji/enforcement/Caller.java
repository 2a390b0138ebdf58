package io.suiji.enforcement;

import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import io.suiji.platform.security.RegionScope;
import java.util.List;
import java.util.Optional;

/**
 * Who calls, as enforcement needs it: an inspector acts on the assignments of their own groups
 * (matched by {@link CallerScope#inspectorId()}: the registry id linked to the account, else the
 * user name); staff (supervisors, auditors,
 * admins) read what their region covers. Built by the resources so that services need no token.
 */
public record Caller(String name, boolean inspector, boolean staff, String region, String department) {

    public static final String INSPECTOR = "inspector";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String PLANNER = "planner";
    public static final String ADMIN = "admin";

    public static Caller of(CallerScope scope) {
        boolean staff = scope.hasRole(SUPERVISOR) || scope.hasRole(AUDITOR) || scope.hasRole(ADMIN)
                || scope.hasRole(PLANNER);
        return new Caller(scope.hasRole(INSPECTOR) ? scope.inspectorId() : scope.name(), scope.hasRole(INSPECTOR), staff, scope.region().orElse(null),
                scope.department().orElse(null));
    }

    public Optional<RegionScope> scope() {
        return region == null || !region.matches("\\d{6}") ? Optional.empty() : Optional.of(new RegionScope(region));
    }

    /** Whether staff scoping lets this caller see data of {@code otherRegion}. */
    public boolean covers(String otherRegion) {
        return staff && scope().map(s -> s.covers(otherRegion)).orElse(false);
    }

    /** The region code prefix for SQL {@code like}; a staff caller without a region sees nothing. */
    public String regionPrefix() {
        return scope().map(RegionScope::prefix).orElse("no region");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }
}
