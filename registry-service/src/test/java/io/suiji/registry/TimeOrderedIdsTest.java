package io.suiji.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void version7IdsAreUniqueValidAndOrderedByTime() throws InterruptedException {
        UUID first = TimeOrderedIds.next();
        Thread.sleep(2);
        UUID later = TimeOrderedIds.next();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertTrue(first.toString().compareTo(later.toString()) < 0, first + " sorts before " + later);
        assertTrue(Math.abs((first.getMostSignificantBits() >>> 16) - System.currentTimeMillis()) < 10_000);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(100_000, ids.size());
    }
}
