package io.suiji.publication.site;

import io.suiji.publication.publicresults.PublishedResults;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;

/** A link of the results pager: page numbers around the current one, with first and last. */
public record PageLink(String label, String url, boolean current) {

    static List<PageLink> around(PublishedResults.ResultPage page, UriBuilder request) {
        int pages = page.pages();
        List<PageLink> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        int from = Math.max(0, page.page() - 3);
        int to = Math.min(pages - 1, page.page() + 3);
        if (from > 0) {
            links.add(link("首页", 0, page.page(), request));
        }
        for (int p = from; p <= to; p++) {
            links.add(link(Integer.toString(p + 1), p, page.page(), request));
        }
        if (to < pages - 1) {
            links.add(link("末页", pages - 1, page.page(), request));
        }
        return links;
    }

    private static PageLink link(String label, int target, int current, UriBuilder request) {
        return new PageLink(label, request.clone().replaceQueryParam("page", target).build().toString(), target == current);
    }
}
