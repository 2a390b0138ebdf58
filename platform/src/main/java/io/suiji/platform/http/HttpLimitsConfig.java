package io.suiji.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request body limits beside Quarkus' own {@code quarkus.http.limits.max-body-size}, which each service
 * sets for its largest file upload.
 */
@ConfigMapping(prefix = "suiji.http")
public interface HttpLimitsConfig {

    /** Largest body that is not a multipart upload (JSON): generous for a plan or a calendar year. */
    @WithDefault("1M")
    MemorySize maxBodySize();
}
