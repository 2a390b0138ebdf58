package io.suiji.catalog.matter;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.suiji.contracts.catalog.MatterState;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version of a matter as the API shows it: the full state that events carry, plus its place in
 * the history.
 *
 * @param supersededOn the day a later version took over; null for the newest
 * @param changeNote   调整说明, or the reason of a retirement
 */
@Schema(description = "抽查事项的一个版本：事件所载的完整内容，及其在版本历史中的位置")
public record MatterView(
        @JsonUnwrapped MatterState matter,
        @Schema(description = "被后续版本取代的日期；最新版本为空") LocalDate supersededOn,
        @Schema(description = "调整说明或废止原因") String changeNote,
        @Schema(description = "记录时间") OffsetDateTime recordedAt) {

    static MatterView of(MatterHistory history, MatterVersion version) {
        return new MatterView(version.toState(), history.supersededOn(version).orElse(null), version.changeNote(),
                version.recordedAt());
    }
}
