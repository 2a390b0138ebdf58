package io.suiji.enforcement.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;

/**
 * Where evidence files are kept and what is accepted. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) must stay above {@link #maxBytes()} plus the multipart
 * framing, or large uploads are cut off before this service can answer 413 as problem+json.
 */
@ConfigMapping(prefix = "suiji.evidence")
public interface EvidenceConfig {

    /**
     * The directory of the stored files, relative to the working directory unless absolute (the
     * local suite runs services in {@code .run/}, hence {@code .run/evidence}); production: a
     * backed-up volume, {@code SUIJI_EVIDENCE_DIRECTORY}.
     */
    @WithDefault("evidence")
    Path directory();

    /** Largest accepted file in bytes (default 20 MiB). */
    @WithDefault("20971520")
    long maxBytes();

    /** Accepted content types. */
    @WithDefault("application/pdf,image/jpeg,image/png")
    List<String> contentTypes();
}
