package io.suiji.publication.site;

import io.suiji.publication.publicresults.PublishedResults.PublicResult;
import java.io.IOException;

/**
 * Public results as open-data CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet
 * programs read the Chinese correctly), written row by row so that a download streams. Cells that
 * a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
final class ResultsCsv {

    static final String HEADER = "检查对象,统一社会信用代码,事项编码,检查结果,结果代码,办结日期,行政区划,实施部门,处罚决定书文号,罚款金额（元）,处罚依据,公示时间";

    private ResultsCsv() {
    }

    /** The byte-order mark and the header line. */
    static void header(Appendable out) throws IOException {
        out.append('\uFEFF').append(HEADER).append("\r\n");
    }

    static void row(Appendable out, PublicResult r) throws IOException {
        line(out, r.entityName(), r.entityCode(), r.matterCode(), r.outcomeLabel(), r.outcome(), r.closedOn(),
                r.region(), r.department(), r.penaltyDecisionNumber(), r.penaltyAmount(), r.penaltyLegalBasis(),
                r.publishedAt());
    }

    private static void line(Appendable out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i] == null ? "" : cells[i].toString()));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
