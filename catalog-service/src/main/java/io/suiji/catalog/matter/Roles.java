package io.suiji.catalog.matter;

import io.suiji.platform.security.CallerScope;

/** Who may do what with the catalogue (DESIGN §6). The published catalogue is public. */
public final class Roles {

    public static final String PLANNER = "planner";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }

    /** Drafts are internal: visible to those who write them and to auditors. */
    public static boolean seesDrafts(CallerScope caller) {
        return !caller.anonymous() && (caller.hasRole(PLANNER) || caller.hasRole(ADMIN) || caller.hasRole(AUDITOR));
    }
}
