package io.suiji.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnvironmentsTest {

    @Test
    void theDevelopmentSuiteTakesItsOwnEventsAndPassesOverTheSystemTests() {
        assertTrue(Environments.sameEnvironment("urn:suiji:registry-service", ""));
        assertFalse(Environments.sameEnvironment("urn:suiji:registry-service-it", ""));
    }

    @Test
    void theSystemTestsTakeTheirOwnEventsAndPassOverTheDevelopmentSuite() {
        assertTrue(Environments.sameEnvironment("urn:suiji:enforcement-service-it", "-it"));
        assertFalse(Environments.sameEnvironment("urn:suiji:enforcement-service", "-it"));
    }

    @Test
    void eventsWithoutASuijiSourceAreTaken() {
        assertTrue(Environments.sameEnvironment(null, ""));
        assertTrue(Environments.sameEnvironment("https://other-agency.example/feed", "-it"));
        assertTrue(Environments.sameEnvironment("urn:suiji:gateway", "-it"));
    }
}
