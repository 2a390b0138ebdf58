package io.suiji.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/**
 * For component tests where Kafka is beside the point: the channels named in the init args
 * {@code incoming} / {@code outgoing} (comma-separated) run on the SmallRye in-memory connector.
 * Channel names contain dots (channel = topic), so the keys are quoted.
 */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    private final Map<String, String> properties = new HashMap<>();

    @Override
    public void init(Map<String, String> args) {
        switchTo("incoming", args.getOrDefault("incoming", ""));
        switchTo("outgoing", args.getOrDefault("outgoing", ""));
    }

    private void switchTo(String direction, String channels) {
        for (String channel : channels.split(",")) {
            if (!channel.isBlank()) {
                properties.put("mp.messaging." + direction + ".\"" + channel.strip() + "\".connector",
                        InMemoryConnector.CONNECTOR);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        return properties;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
