package io.suiji.registry;

import io.suiji.platform.security.CallerScope;

/** Who may do what with the registries (DESIGN §6): registrars and admins write; the planning roles read. */
public final class Roles {

    public static final String REGISTRAR = "registrar";
    public static final String ADMIN = "admin";
    public static final String PLANNER = "planner";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }

    /** Clear resident ID numbers are shown only to those who maintain the registry. */
    public static boolean seesClearIds(CallerScope caller) {
        return !caller.anonymous() && (caller.hasRole(REGISTRAR) || caller.hasRole(ADMIN));
    }
}
