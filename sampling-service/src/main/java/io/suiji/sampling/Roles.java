package io.suiji.sampling;

import io.suiji.platform.security.CallerScope;
import java.util.Optional;

/** Realm roles as sampling-service uses them (DESIGN §6). */
public final class Roles {

    public static final String PLANNER = "planner";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** Staff who may see drafts and internal lists of their region; empty for the public. */
    public static Optional<Actor> staff(CallerScope caller) {
        if (caller.anonymous()) {
            return Optional.empty();
        }
        boolean staff = caller.hasRole(PLANNER) || caller.hasRole(SUPERVISOR) || caller.hasRole(AUDITOR)
                || caller.hasRole(ADMIN);
        return staff ? Optional.of(Actor.of(caller)) : Optional.empty();
    }
}
