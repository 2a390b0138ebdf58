package io.suiji.publication.site;

import io.suiji.publication.disclosure.Disclosure;
import io.suiji.publication.region.RegionNames;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A published disclosure as the public site shows it. */
public record PublishedDisclosure(String id, String taskId, int batch, String region, String department,
                                  LocalDate completedOn, LocalDate dueDate, OffsetDateTime publishedAt, boolean onTime,
                                  int itemCount, int exemptCount, String drawId) {

    static PublishedDisclosure of(Disclosure d) {
        return new PublishedDisclosure(d.id.toString(), d.taskId, d.batch, d.region, d.department, d.completedOn,
                d.dueDate, d.publishedAt, Boolean.TRUE.equals(d.onTime), d.itemCount == null ? 0 : d.itemCount,
                d.exemptCount == null ? 0 : d.exemptCount, d.drawId);
    }

    /** The newest publications first. Must run in a transaction. */
    static List<PublishedDisclosure> latest(int count) {
        return Disclosure.<Disclosure>find("status = ?1 order by publishedAt desc, id", Disclosure.PUBLISHED)
                .page(0, count).list().stream().map(PublishedDisclosure::of).toList();
    }

    public String regionName() {
        return RegionNames.name(region);
    }

    public String regionLabel() {
        return RegionNames.withCode(region);
    }

    public String publishedOn() {
        return publishedAt == null ? "" : publishedAt.toLocalDate().toString();
    }
}
