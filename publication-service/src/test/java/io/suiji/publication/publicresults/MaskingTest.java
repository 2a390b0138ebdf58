package io.suiji.publication.publicresults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void keepsOnlyTheFirstCharacterOfAPersonsName() {
        assertEquals("张*", Masking.personName("张三"));
        assertEquals("欧***", Masking.personName("欧阳娜娜"));
        assertEquals("李*", Masking.personName("李"));
        assertEquals("𠮷*", Masking.personName("𠮷野"));
    }
}
