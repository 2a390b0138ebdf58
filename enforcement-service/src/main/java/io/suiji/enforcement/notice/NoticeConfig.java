package io.suiji.enforcement.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the inspection notice (亮码检查); the defaults suit the local suite. */
@ConfigMapping(prefix = "suiji.notice")
public interface NoticeConfig {

    /**
     * Where the public reaches sampling-service: the QR code links {@code <base>/api/v1/draws/<id>/proof}.
     * Production sets the public address ({@code SUIJI_NOTICE_PROOF_BASE_URL}).
     */
    @WithDefault("http://127.0.0.1:8083")
    String proofBaseUrl();

    /** Side of the QR code in pixels (a phone reads 400 px from a printout or a screen). */
    @WithDefault("400")
    int qrSize();
}
