package io.suiji.sampling.rfc3797;

import io.suiji.draw.Rfc3797;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The RFC 3797 selection for auditors and the public: the same computation as
 * {@code java -jar draw-verifier.jar rfc3797}. Pure arithmetic on public inputs, so no token needed.
 */
@Path("/api/v1/rfc3797/select")
@Tag(name = "RFC 3797", description = "Publicly verifiable selection from a small pool")
public class Rfc3797Resource {

    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Sources (each a list of non-negative integers, e.g. lottery numbers), pool size and count. */
    public record Request(List<List<BigDecimal>> sources, Integer poolSize, Integer count) {
    }

    /**
     * @param positions the selected members, 1-based pool positions in selection order
     * @param steps     the RFC's table: index, MD5 value, members remaining, member selected
     */
    public record Result(List<Integer> positions, String keyString, int poolSize, int count,
                         double entropyBitsNeeded, List<Rfc3797.Step> steps) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 3797 选择", description = "{\"sources\":[[9319],[2,5,12,8,10],[9,18,26,34,41,45]],"
            + "\"poolSize\":25,\"count\":11} → positions 17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22")
    public Result select(Request request) {
        List<FieldError> errors = new ArrayList<>();
        List<List<Long>> sources = new ArrayList<>();
        if (request == null || request.sources() == null || request.sources().isEmpty()) {
            errors.add(new FieldError("sources", "at least one source of published numbers is needed"));
        } else {
            for (int i = 0; i < request.sources().size(); i++) {
                List<BigDecimal> source = request.sources().get(i);
                if (source == null || source.isEmpty()) {
                    errors.add(new FieldError("sources[" + i + "]", "a source has at least one value"));
                    continue;
                }
                List<Long> values = new ArrayList<>();
                for (int j = 0; j < source.size(); j++) {
                    String field = "sources[" + i + "][" + j + "]";
                    BigDecimal value = source.get(j);
                    if (value == null) {
                        errors.add(new FieldError(field, "must be a number"));
                    } else if (value.signum() < 0) {
                        errors.add(new FieldError(field, "must not be negative"));
                    } else if (value.stripTrailingZeros().scale() > 0) {
                        errors.add(new FieldError(field, "must be an integer (decimal sources are not supported)"));
                    } else if (value.compareTo(MAX) > 0) {
                        errors.add(new FieldError(field, "is too large"));
                    } else {
                        values.add(value.longValueExact());
                    }
                }
                sources.add(values);
            }
        }
        Integer pool = request == null ? null : request.poolSize();
        Integer count = request == null ? null : request.count();
        if (pool == null || pool < 1 || pool > Rfc3797.MAX_POOL) {
            errors.add(new FieldError("poolSize", "must be between 1 and " + Rfc3797.MAX_POOL));
        }
        if (count == null || count < 0) {
            errors.add(new FieldError("count", "must be between 0 and the pool size"));
        } else if (pool != null && pool >= 1 && pool <= Rfc3797.MAX_POOL && count > pool) {
            errors.add(new FieldError("count", "must not exceed the pool size " + pool));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String key = Rfc3797.keyString(sources);
        List<Rfc3797.Step> steps = Rfc3797.steps(key, pool, count);
        return new Result(steps.stream().map(Rfc3797.Step::selected).toList(), key, pool, count,
                Rfc3797.entropyBitsNeeded(pool, count), steps);
    }
}
