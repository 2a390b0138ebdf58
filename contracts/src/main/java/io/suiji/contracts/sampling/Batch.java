package io.suiji.contracts.sampling;

import java.time.LocalDate;

/** 批次 — draws go batch by batch; {@code start}–{@code end} inclusive. */
public record Batch(int number, LocalDate start, LocalDate end) {
}
