package io.suiji.publication.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.publication.MutableClock;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.disclosure.DisclosureService;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public site in a real browser (issue #7): headless Chromium from Debian's package fills in the
 * search form, submits it, follows the result to the entity page, and saves screenshots under
 * {@code target/}. Component test otherwise: real test database, events on the in-memory connector.
 */
@QuarkusTest
class SiteBrowserTest {

    @TestHTTPResource("/")
    URL site;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    DisclosureService disclosures;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aVisitorSearchesByNameAndOpensTheEntityPage() throws Exception {
        PublishedBatch b = PublishedBatch.publish(connector, em, clock, disclosures, LocalDate.now(Clocks.CHINA).minusDays(1));
        clock.reset();
        String base = site.toString().replaceAll("/$", "");
        Path target = Path.of("target");

        try (HeadlessChromium browser = HeadlessChromium.start(target.resolve("chromium-profile"))) {
            browser.open(base + "/");
            assertTrue(browser.html().contains("最新公示"), "the home page rendered");

            browser.evaluate("document.querySelector('form.search input[name=name]').value = '" + b.marker() + "';"
                    + "document.querySelector('form.search').submit(); true");
            browser.awaitPage("/results");
            String results = browser.html();
            assertTrue(results.contains(b.companyName()), "the search found the company");
            assertTrue(results.contains("共 1 条"), "and only its published result");
            assertFalse(results.contains(PublishedBatch.PERSON_NAME), "a person is never found by name");
            browser.screenshot(target.resolve("site-search.png"));

            browser.evaluate("document.querySelector('#results a').click(); true");
            browser.awaitPage("/entities/");
            String entity = browser.html();
            assertTrue(entity.contains(b.companyCode()), "the entity page shows the credit code");
            assertTrue(entity.contains("行政处罚"), "and its published penalty");
            browser.screenshot(target.resolve("site-entity.png"));
        }
        assertTrue(Files.size(target.resolve("site-search.png")) > 10_000, "a real screenshot was taken");
    }
}
