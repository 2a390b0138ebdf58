package io.suiji.registry.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PersonalIdsTest {

    private static final String ID = "11010519491231002X";
    private final PersonalIds ids = new PersonalIds("test-only-hash-key-0123456789", "test-only-seal-key-0123456789");

    @Test
    void theKeyedHashIsStableAndDependsOnTheKey() {
        assertEquals(ids.hash(ID), ids.hash(ID));
        assertTrue(ids.hash(ID).matches("[0-9a-f]{64}"));
        assertNotEquals(ids.hash(ID), new PersonalIds("another-hash-key-0123456789", "test-only-seal-key-0123456789").hash(ID));
        assertNotEquals(ids.hash(ID), ids.hash("11010519491231003X"));
    }

    @Test
    void sealedNumbersOpenOnlyWithTheKeyAndNeverShowTheNumber() {
        byte[] sealed = ids.seal(ID);
        assertEquals(ID, ids.open(sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("19491231"));
        assertNotEquals(new String(sealed, StandardCharsets.ISO_8859_1), new String(ids.seal(ID), StandardCharsets.ISO_8859_1),
                "a fresh nonce each time");
        var otherKey = new PersonalIds("test-only-hash-key-0123456789", "another-seal-key-0123456789");
        assertThrows(IllegalStateException.class, () -> otherKey.open(sealed));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> ids.open(sealed));
    }

    @Test
    void masksKeepTheDivisionAndTheLastFour() {
        assertEquals("110105********002X", PersonalIds.mask(ID));
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PersonalIds("short", "test-only-seal-key-0123456789"));
    }
}
