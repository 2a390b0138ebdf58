package io.suiji.sampling;

import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import io.suiji.platform.security.RegionScope;
import java.util.List;
import java.util.Optional;

/**
 * Who performs a write, as the services need it: name (for attribution), region scope and
 * department. Built from the token by the resources, so that the services stay testable without one.
 */
public record Actor(String name, String region, String department) {

    public static Actor of(CallerScope caller) {
        return new Actor(caller.name(), caller.region().orElse(null), caller.department().orElse(null));
    }

    public Optional<RegionScope> scope() {
        return region == null || !region.matches("\\d{6}") ? Optional.empty() : Optional.of(new RegionScope(region));
    }

    public boolean covers(String otherRegion) {
        return scope().map(s -> s.covers(otherRegion)).orElse(false);
    }

    /**
     * A planner writes for their own department, in regions their scope covers (a county planner
     * for the county, a city planner for the city and its counties).
     */
    public void requireWriterFor(String region, String department) {
        if (!covers(region)) {
            throw forbidden("region " + region + " is outside your region " + this.region);
        }
        if (this.department != null && !this.department.equals(department)) {
            throw forbidden("department " + department + " is not your department " + this.department);
        }
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }
}
