package io.suiji.catalog.matter;

import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of a matter (抽查事项的一个版本). A DRAFT may still change; a PUBLISHED or RETIRED
 * version never does: a change to a published matter is a new version with its own effective date,
 * and retiring one is a last version with status RETIRED from the day it stops being in force.
 *
 * @param effectiveFrom  生效日期; null while a draft
 * @param sourceDocument the document the version was taken from, e.g. 平人社办〔2020〕47号
 * @param changeNote     why this version exists (调整说明 or the retirement reason)
 */
public record MatterVersion(
        String code,
        int version,
        MatterStatus status,
        LocalDate effectiveFrom,
        MatterContent content,
        String sourceDocument,
        String changeNote,
        OffsetDateTime recordedAt) {

    /** The full state as catalogue events carry it. */
    public MatterState toState() {
        MatterContent c = content;
        return new MatterState(code, version, c.displayOrder(), c.name(), c.legalBases(), c.targetTypes(),
                c.checkItems(), c.category(), c.methods(), c.ratio(), c.frequency(), c.levels(), c.implementingBody(),
                c.responsibleUnits(), effectiveFrom, status, sourceDocument);
    }

    public boolean draft() {
        return status == MatterStatus.DRAFT;
    }
}
