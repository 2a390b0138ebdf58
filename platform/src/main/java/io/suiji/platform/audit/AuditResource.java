package io.suiji.platform.audit;

import io.suiji.platform.audit.ChainVerifier.ChainVerification;
import io.suiji.platform.problem.QueryParams;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's audit trail (全程留痕), for auditors: read it and verify its hash chain. Every service serves it. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AuditResource.AUDITOR, AuditResource.ADMIN})
@Tag(name = "全程留痕", description = "The append-only, hash-chained audit trail of this service's writes")
public class AuditResource {

    static final String AUDITOR = "auditor";
    static final String ADMIN = "admin";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    @Inject
    AuditLog log;

    @Inject
    CallerScope caller;

    @GET
    @Operation(summary = "留痕记录", description = "Entries after afterSequence (default 0), oldest first, at most limit "
            + "(1–1000, default 100). City and province users read every entry; a county user only the entries its "
            + "county's users wrote (本辖区); a caller without a region none")
    public List<AuditEntry> list(@QueryParam("afterSequence") String afterSequence, @QueryParam("limit") String limit) {
        int after = QueryParams.integer("afterSequence", afterSequence, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        return log.entries(AuditReadScope.of(caller.regionScope()), after, pageSize);
    }

    @GET
    @Path("verify")
    @Operation(summary = "校验留痕链", description = "Recomputes every entry's hash and link and reports the first broken "
            + "link. The walk covers every entry; a county user is told the verdict, count, head and the broken link's "
            + "sequence and kind, not the hashes that explain it")
    public ChainVerification verify() {
        ChainVerification verification = log.verify();
        return AuditReadScope.of(caller.regionScope()).wholeTrail() ? verification : verification.withoutDetail();
    }
}
