package io.suiji.registry;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made one
 * after another sort together, so that a bulk import appends to the primary-key index instead of
 * scattering a million inserts over it. The 74 random bits come from a fast generator: ids are
 * names, not secrets — every read checks the caller's rights.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
