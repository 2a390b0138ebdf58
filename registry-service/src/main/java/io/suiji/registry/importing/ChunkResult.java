package io.suiji.registry.importing;

import java.util.Map;

/** What writing one chunk did; {@code rejected} maps row numbers to reasons found only against the registry. */
record ChunkResult(int created, int updated, int unchanged, Map<Long, String> rejected) {
}
