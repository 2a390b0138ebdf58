package io.suiji.publication.site;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An Atom feed (RFC 4287) of the newest publications, so that the press and citizens can follow them. */
final class AtomFeed {

    private AtomFeed() {
    }

    static String write(List<PublishedDisclosure> latest, String base) {
        String root = base.endsWith("/") ? base : base + "/";
        OffsetDateTime updated = latest.isEmpty() ? OffsetDateTime.parse("2020-01-01T00:00:00+08:00") : latest.get(0).publishedAt();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                """);
        xml.append("  <title>“双随机、一公开”抽查结果公示</title>\n")
                .append("  <id>").append(escape(root)).append("feed.atom</id>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(root)).append("feed.atom\"/>\n")
                .append("  <link href=\"").append(escape(root)).append("\"/>\n")
                .append("  <updated>").append(time(updated)).append("</updated>\n")
                .append("  <author><name>Suiji 结果公示</name></author>\n");
        for (PublishedDisclosure d : latest) {
            String url = root + "disclosures/" + d.id();
            xml.append("  <entry>\n")
                    .append("    <id>urn:uuid:").append(d.id()).append("</id>\n")
                    .append("    <title>").append(escape(title(d))).append("</title>\n")
                    .append("    <link href=\"").append(escape(url)).append("\"/>\n")
                    .append("    <updated>").append(time(d.publishedAt())).append("</updated>\n")
                    .append("    <summary>").append(escape(summary(d))).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    static String title(PublishedDisclosure d) {
        return "抽查任务 " + d.taskId() + " 第 " + d.batch() + " 批抽查结果公示";
    }

    private static String summary(PublishedDisclosure d) {
        return d.department() + "（" + d.region() + "）公示 " + d.itemCount() + " 项结果"
                + (d.exemptCount() > 0 ? "，依法不予公示 " + d.exemptCount() + " 项" : "")
                + (d.onTime() ? "，按期公示" : "，逾期公示");
    }

    private static String time(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
