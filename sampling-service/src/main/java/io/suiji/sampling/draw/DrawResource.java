package io.suiji.sampling.draw;

import com.fasterxml.jackson.databind.JsonNode;
import io.suiji.draw.DrawProof;
import io.suiji.draw.PopulationFormatException;
import io.suiji.draw.ProofFormatException;
import io.suiji.draw.Verification;
import io.suiji.draw.Verifier;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.problem.QueryParams;
import io.suiji.platform.security.CallerScope;
import io.suiji.sampling.Actor;
import io.suiji.sampling.Roles;
import io.suiji.sampling.plan.PlanService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 双随机抽取. Planners commit, run and cancel the draws of their plans; the draw, its population
 * file and, once run, its proof are public, so that anyone can re-compute it (SUIJI-SHA256-1).
 * Exclusion lists (who was left out and why) are for staff and auditors.
 */
@Path("/api/v1/draws")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "随机抽取", description = "Verifiable double random draws: commit, execute, cancel, proofs")
public class DrawResource {

    @Inject
    DrawService draws;

    @Inject
    CallerScope caller;

    /** Proof and population, to be checked with the same code as the public verifier. */
    public record VerifyRequest(JsonNode proof, String population) {
    }

    /** {@code VERIFIED}, or {@code DIFFERENT} with the first difference found. */
    public record VerifyResult(String result, boolean verified, String difference) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "承诺一次抽取", description = "Freezes the population and the inspector pool, commits "
            + "SHA-256(r); emits DrawCommitted. algorithm SUIJI-SHA256-1 (default) or RFC3797 (uniform, population "
            + "≤ 65,535, announces its sources: description and date of each 随机源). 409 if the batch already has a "
            + "live draw; 422 if no inspector group can be formed or the population is too large for RFC3797")
    public Response commit(DrawRequests.Commit request) {
        DrawView draw = draws.commit(request, Actor.of(caller));
        return Response.created(URI.create("/api/v1/draws/" + draw.id())).entity(draw).build();
    }

    @POST
    @Path("{id}/execute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "以见证熵执行抽取", description = "Once: draws targets and inspector groups, reveals r; "
            + "emits one TargetSelected per target and DrawCompleted. SUIJI-SHA256-1 takes witnessEntropy, RFC3797 "
            + "the published values of its announced sources (sources: one integer list each). 409 when not "
            + "COMMITTED")
    public DrawView execute(@PathParam("id") UUID id, DrawRequests.Execute request) {
        DrawService.Execution execution = draws.execute(id, request, Actor.of(caller));
        if (execution.failure() != null) {
            throw execution.failure();
        }
        return execution.draw();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "作废抽取", description = "With a reason; the draw stays visible. Emits DrawCancelled")
    public DrawView cancel(@PathParam("id") UUID id, DrawRequests.Cancel request) {
        return draws.cancel(id, request, Actor.of(caller));
    }

    @GET
    @PermitAll
    @Operation(summary = "抽取列表", description = "Optionally of one plan (and task). Ordered by commit time; page "
            + "from 0, size 1–1000 (default 100): a page shorter than size is the last")
    public List<DrawView> list(@QueryParam("planId") String planId, @QueryParam("taskId") String taskId,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        return draws.list(QueryParams.uuid("planId", planId), QueryParams.text("taskId", taskId),
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / PlanService.MAX_PAGE),
                QueryParams.integer("size", size, 100, 1, PlanService.MAX_PAGE));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "查看抽取")
    public DrawView get(@PathParam("id") UUID id) {
        return draws.get(id);
    }

    @GET
    @Path("{id}/proof")
    @PermitAll
    @Operation(summary = "抽取证明", description = "The SUIJI-SHA256-1 or RFC3797 proof document; 409 before the draw "
            + "ran")
    public Response proof(@PathParam("id") UUID id) {
        return Response.ok(draws.proof(id), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{id}/population")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "冻结的抽取总体", description = "The canonical population file (id:weight:stratum lines); "
            + "public from the commit on, so that anyone can check it before and after the draw")
    public Response population(@PathParam("id") UUID id) {
        long size = draws.populationSize(id);
        StreamingOutput file = out -> draws.copyPopulation(id, out);
        return Response.ok(file, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Content-Length", size)
                .header("Content-Disposition", "inline; filename=\"population-" + id + ".txt\"").build();
    }

    @GET
    @Path("{id}/exclusions")
    @RolesAllowed({Roles.PLANNER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "排除名单", description = "Entities left out of the population and why (first reason)")
    public List<DrawStore.ExcludedEntity> exclusions(@PathParam("id") UUID id) {
        return draws.exclusions(id, Actor.of(caller));
    }

    @POST
    @Path("verify")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "验证抽取", description = "Body: the proof (JSON) and the population file (text). Answers "
            + "VERIFIED or the first difference; 422 names the unreadable part")
    public VerifyResult verify(VerifyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.proof() == null || request.proof().isNull()) {
            errors.add(new FieldError("proof", "the proof document is required"));
        }
        if (request == null || request.population() == null) {
            errors.add(new FieldError("population", "the population file is required (text, one id:weight:stratum "
                    + "line each)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        DrawProof proof;
        try {
            proof = DrawProof.fromJson(request.proof().isTextual() ? request.proof().asText()
                    : request.proof().toString());
        } catch (ProofFormatException | IllegalArgumentException e) {
            throw ProblemException.invalid("proof", e.getMessage());
        }
        Verification verification;
        try {
            verification = Verifier.verify(proof, new ByteArrayInputStream(
                    request.population().getBytes(StandardCharsets.UTF_8)));
        } catch (PopulationFormatException e) {
            throw ProblemException.invalid("population", e.getMessage());
        } catch (ProofFormatException | IllegalArgumentException e) {
            throw ProblemException.invalid("proof", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return verification.verified() ? new VerifyResult("VERIFIED", true, null)
                : new VerifyResult("DIFFERENT", false, verification.difference());
    }
}
