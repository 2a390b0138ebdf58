package io.suiji.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY text format as PostgreSQL reads it: a cell must never split a row or a column. */
class CopyTextTest {

    @Test
    void tabsNewlinesAndBackslashesInACellAreEscapedAndNullIsBackslashN() {
        String row = new CopyText().field("多行\n地址\tA\\B\r").field(null).field(7).endRow().text();
        assertEquals("多行\\n地址\\tA\\\\B\\r\t\\N\t7\n", row);
    }

    @Test
    void arraysAreQuotedAndBytesAreHex() {
        String row = new CopyText().array(List.of("企业", "say \"hi\"", "a\\b")).field(new byte[] {0x0a, (byte) 0xff}).endRow()
                .text();
        assertEquals("{\"企业\",\"say \\\\\"hi\\\\\"\",\"a\\\\\\\\b\"}\t\\\\x0aff\n", row);
    }

    @Test
    void readyRowsAreJoinedAndCounted() {
        String ready = new CopyText().field("a").endRow().text();
        CopyText rows = new CopyText().line(ready).line(ready);
        assertEquals(2, rows.rows());
        assertEquals("a\na\n", rows.text());
    }
}
