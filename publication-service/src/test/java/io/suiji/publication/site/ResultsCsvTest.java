package io.suiji.publication.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultsCsvTest {

    @Test
    void quotesSeparatorsAndQuotesAndDisarmsFormulas() {
        assertEquals("平顶山市某公司", ResultsCsv.cell("平顶山市某公司"));
        assertEquals("\"《条例》第二十六条, 第二款\"", ResultsCsv.cell("《条例》第二十六条, 第二款"));
        assertEquals("\"他说\"\"好\"\"\"", ResultsCsv.cell("他说\"好\""));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ResultsCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'-1", ResultsCsv.cell("-1"));
    }
}
