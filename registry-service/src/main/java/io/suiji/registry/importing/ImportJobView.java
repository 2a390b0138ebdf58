package io.suiji.registry.importing;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as a client polls it. */
@Schema(description = "导入任务及其进度")
public record ImportJobView(
        String id,
        ImportKind kind,
        ImportMode mode,
        ImportStatus status,
        String fileName,
        ImportFormat format,
        @Schema(description = "已读行数（不含表头和空行）") long rowsRead,
        @Schema(description = "通过校验的行数") long rowsAccepted,
        @Schema(description = "被拒绝的行数；明细见 rejections") long rowsRejected,
        @Schema(description = "新登记") long rowsCreated,
        @Schema(description = "已变更") long rowsUpdated,
        @Schema(description = "与名录库一致，未变更") long rowsUnchanged,
        @Schema(description = "进度百分比（按已读字节）") int percent,
        @Schema(description = "是否有数据已写入名录库") boolean applied,
        String message,
        @Schema(description = "被拒绝行的下载地址（CSV），无被拒绝行时为空") String rejections,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    public static ImportJobView of(ImportJobRecord j) {
        int percent = j.bytesTotal <= 0 ? 0 : (int) Math.min(100, j.bytesRead * 100 / j.bytesTotal);
        if (j.status == ImportStatus.QUEUED || j.status == ImportStatus.RUNNING) {
            percent = Math.min(percent, 99);
        } else if (j.status == ImportStatus.COMPLETED) {
            percent = 100;
        }
        return new ImportJobView(j.id.toString(), j.kind, j.mode, j.status, j.fileName, j.format, j.rowsRead, j.rowsAccepted,
                j.rowsRejected, j.rowsCreated, j.rowsUpdated, j.rowsUnchanged, percent, j.applied, j.message,
                j.rowsRejected > 0 ? "/api/v1/imports/" + j.id + "/rejections" : null, j.createdBy, j.createdAt,
                j.startedAt, j.finishedAt);
    }
}
