package io.suiji.contracts.registry;

import java.time.LocalDate;

/** 请假 — an inspector is not drawn for batches overlapping {@code from}–{@code to} (inclusive). */
public record Leave(LocalDate from, LocalDate to) {
}
