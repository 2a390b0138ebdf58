package io.suiji.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.suiji.contracts.EventType;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Who may do what on Kafka: the broker takes only authenticated TLS clients, every service signs in as
 * its own KafkaUser, and each user's ACLs are exactly what the service's code needs — derived here from
 * contracts' EventTypes (the topics it writes) and its application.properties (the topics it reads).
 */
class KafkaAccessTest {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.\"([^\"]+)\"\\.(topic|group\\.id)");

    @Test
    void everyServiceIsAKafkaUserAllowedExactlyWhatItsCodeDoes() {
        Kustomization base = Kustomization.at(Suite.BASE);
        Manifest kafka = base.objects("Kafka").get(0);
        assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText(), "the broker checks ACLs");
        String mechanism = serviceListener(kafka).at("/authentication/type").asText();
        List<Manifest> users = base.objects("KafkaUser");
        List<String> problems = new ArrayList<>();
        for (Suite.Service service : Suite.services()) {
            Manifest user = users.stream().filter(u -> u.name().equals(service.name())).findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": no KafkaUser " + service.name()));
            assertEquals(kafka.name(), user.tree().at("/metadata/labels/strimzi.io~1cluster").asText(), user + ": its Kafka cluster");
            assertEquals(mechanism, user.at("/spec/authentication/type").asText(), user + ": the listener's mechanism");
            Set<String> expected = expectedAcls(service);
            Set<String> actual = acls(user);
            if (!expected.equals(actual)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                Set<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                problems.add(user + ": missing " + missing + ", not needed " + extra);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Suite.services().size(), users.size(), "one KafkaUser per service, no others");
    }

    @Test
    void everyServiceSignsInWithItsOwnUsersSecretAndTrustsTheClusterCa() {
        Kustomization base = Kustomization.at(Suite.BASE);
        Manifest kafka = base.objects("Kafka").get(0);
        JsonNode config = base.objects("ConfigMap").stream().filter(m -> m.name().equals("suiji-config")).findFirst()
                .orElseThrow().at("/data");
        assertEquals("SASL_SSL", config.path("SUIJI_KAFKA_SECURITY_PROTOCOL").asText(), "TLS and SASL");
        assertEquals("SCRAM-SHA-512", config.path("SUIJI_KAFKA_SASL_MECHANISM").asText());
        assertEquals("scram-sha-512", serviceListener(kafka).at("/authentication/type").asText());
        String truststore = config.path("SUIJI_KAFKA_TRUSTSTORE").asText();
        for (Suite.Service service : Suite.services()) {
            Container container = GeneratedManifestsTest.container(service);
            EnvVar jaas = container.getEnv().stream().filter(e -> e.getName().equals("SUIJI_KAFKA_JAAS_CONFIG")).findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": no SUIJI_KAFKA_JAAS_CONFIG"));
            assertEquals(service.name(), jaas.getValueFrom().getSecretKeyRef().getName(), service + ": its own KafkaUser's Secret");
            assertEquals("sasl.jaas.config", jaas.getValueFrom().getSecretKeyRef().getKey(), service + ": the JAAS line");
            List<Volume> volumes = GeneratedManifestsTest.deployment(service).getSpec().getTemplate().getSpec().getVolumes();
            VolumeMount mount = container.getVolumeMounts().stream().filter(m -> truststore.startsWith(m.getMountPath() + "/"))
                    .findFirst().orElseThrow(() -> new AssertionError(service + ": nothing mounted where " + truststore + " is"));
            Volume volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertEquals(kafka.name() + "-cluster-ca-cert", volume.getSecret().getSecretName(), service + ": the cluster CA at " + mount.getMountPath());
            // The pods run as non-root, and the files of a Secret volume belong to root.
            assertEquals(04, volume.getSecret().getDefaultMode() & 04, service + ": the CA file is readable by the service's user");
            assertEquals("ca.crt", truststore.substring(mount.getMountPath().length() + 1), service + ": the truststore is the CA's certificate");
        }
    }

    /** The listener the services use: the only one, TLS with authentication. */
    static JsonNode serviceListener(Manifest kafka) {
        JsonNode listeners = kafka.at("/spec/kafka/listeners");
        assertEquals(1, listeners.size(), kafka + ": one listener (no plaintext one beside it)");
        JsonNode listener = listeners.get(0);
        assertTrue(listener.path("tls").asBoolean(), kafka + ": the listener uses TLS");
        assertTrue(listener.at("/authentication/type").asText().startsWith("scram-sha-"), kafka + ": the listener authenticates with SCRAM");
        return listener;
    }

    /** The ACL entries a service needs, each as "type name operation", e.g. "topic catalog.matters Write". */
    static Set<String> expectedAcls(Suite.Service service) {
        Set<String> acls = new TreeSet<>();
        for (EventType type : EventTypes.all()) {
            if (type.service().equals(service.shortName())) {
                acls.add("topic " + type.topic() + " Describe");
                acls.add("topic " + type.topic() + " Write");
            }
        }
        Set<String> consumed = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : service.config().stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches() && m.group(2).equals("topic")) {
                consumed.add(service.config().getProperty(key));
            } else if (m.matches()) {
                // Outside tests the suffix is the platform's default (empty): the group is <service>-service.
                groups.add(service.config().getProperty(key).replace("${suiji.kafka.group-suffix}",
                        Suite.PLATFORM.getProperty("suiji.kafka.group-suffix")));
            }
        }
        for (String topic : consumed) {
            acls.add("topic " + topic + " Describe");
            acls.add("topic " + topic + " Read");
            acls.add("topic " + Topics.deadLetter(topic) + " Describe");
            acls.add("topic " + Topics.deadLetter(topic) + " Write");
        }
        groups.forEach(group -> acls.add("group " + group + " Read"));
        return acls;
    }

    static Set<String> acls(Manifest user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            assertEquals("literal", acl.at("/resource/patternType").asText(), user + ": literal names only");
            for (JsonNode operation : acl.path("operations")) {
                acls.add(acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText() + " " + operation.asText());
            }
        }
        return acls;
    }
}
