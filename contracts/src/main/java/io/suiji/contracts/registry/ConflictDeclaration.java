package io.suiji.contracts.registry;

import java.time.LocalDate;

/** 利害关系申报 — the inspector is never drawn for this entity. */
public record ConflictDeclaration(String entityId, String reason, LocalDate declaredOn) {
}
