package io.suiji.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the manifests name exists: Secrets and their keys, databases, services, pods, Deployments. */
class ReferencesTest {

    /** A Secret or ConfigMap named somewhere, with the key read (null: the whole object). */
    record Reference(String kind, String name, String key, String where) {
    }

    @Test
    void everySecretAndConfigMapReferencedExistsWithItsKeysInTheOverlayThatUsesIt() {
        List<String> problems = new ArrayList<>();
        for (String overlay : Suite.OVERLAYS) {
            Kustomization k = Suite.overlay(overlay);
            Map<String, Map<String, Set<String>>> available = Map.of(
                    "Secret", k.available("Secret"), "ConfigMap", k.available("ConfigMap"));
            List<Reference> references = references(k.objects());
            assertTrue(references.size() > 10, overlay + ": references found: " + references);
            for (Reference r : references) {
                Set<String> keys = available.get(r.kind()).get(r.name());
                if (keys == null) {
                    problems.add(overlay + ": " + r.where() + " names " + r.kind() + " " + r.name() + ", which is not there");
                } else if (r.key() != null && !keys.contains(r.key())) {
                    problems.add(overlay + ": " + r.where() + " reads key " + r.key() + " of " + r.kind() + " " + r.name()
                            + ", which has " + keys);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyServiceDatabaseExistsInCloudNativePgOwnedByTheLoginTheServiceUses() {
        Kustomization base = Kustomization.at(Suite.BASE);
        Map<String, Manifest> clusters = byName(base.objects("Cluster"));
        Map<String, Manifest> databases = new LinkedHashMap<>();
        base.objects("Database").forEach(d -> databases.put(d.at("/spec/name").asText(), d));
        Map<String, String> devLogins = devUsernames();
        for (Suite.Service service : Suite.services()) {
            Manifest database = databases.get(service.database());
            assertTrue(database != null, service + ": no CloudNativePG Database " + service.database() + " in " + databases.keySet());
            Manifest cluster = clusters.get(database.at("/spec/cluster/name").asText());
            assertTrue(cluster != null, database + ": spec.cluster names no Cluster");
            String owner = database.at("/spec/owner").asText();
            JsonNode role = stream(cluster.at("/spec/managed/roles"))
                    .filter(r -> r.path("name").asText().equals(owner)).findFirst()
                    .orElseThrow(() -> new AssertionError(database + ": owner " + owner + " is no managed role of " + cluster));
            String secret = role.at("/passwordSecret/name").asText();
            Container container = GeneratedManifestsTest.container(service);
            assertEquals(secret, secretOf(container, "SUIJI_PG_USER"), service + ": SUIJI_PG_USER from the role's Secret");
            assertEquals(secret, secretOf(container, "SUIJI_PG_PASSWORD"), service + ": SUIJI_PG_PASSWORD from the role's Secret");
            assertEquals(owner, devLogins.get(secret), service + ": the dev overlay's username in " + secret);
        }
    }

    @Test
    void infrastructureAddressesNameTheOperatorsServices() {
        Kustomization base = Kustomization.at(Suite.BASE);
        JsonNode config = byName(base.objects("ConfigMap")).get("suiji-config").at("/data");
        Manifest cluster = base.objects("Cluster").get(0);
        Manifest kafka = base.objects("Kafka").get(0);
        Manifest keycloak = base.objects("Keycloak").get(0);
        JsonNode listener = KafkaAccessTest.serviceListener(kafka);
        // CloudNativePG: <cluster>-rw; Strimzi: <kafka>-kafka-bootstrap; Keycloak operator: <keycloak>-service, 8080 over HTTP.
        assertEquals(cluster.name() + "-rw", config.path("SUIJI_PG_HOST").asText());
        assertEquals("5432", config.path("SUIJI_PG_PORT").asText());
        assertEquals(kafka.name() + "-kafka-bootstrap:" + listener.path("port").asInt(), config.path("SUIJI_KAFKA_BOOTSTRAP").asText());
        assertTrue(keycloak.at("/spec/http/httpEnabled").asBoolean(), "Keycloak serves HTTP inside the cluster");
        String realm = RealmImports.realmFile().get("realm").asText();
        assertEquals("http://" + keycloak.name() + "-service:8080/realms/" + realm, config.path("SUIJI_OIDC_URL").asText());
        assertEquals(cluster.name() + "-rw", keycloak.at("/spec/db/host").asText(), "Keycloak's database host");
        for (Suite.Service service : Suite.services()) {
            Container container = GeneratedManifestsTest.container(service);
            assertTrue(container.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                    && e.getConfigMapRef().getName().equals("suiji-config")), service + ": environment from suiji-config");
            assertEquals(service.clientId(), keyOf(container, "SUIJI_OIDC_SECRET"), service + ": its OIDC client's secret");
        }
    }

    @Test
    void autoscalersAndDisruptionBudgetsTargetExistingDeployments() {
        Kustomization base = Kustomization.at(Suite.BASE);
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        base.objects("Deployment").forEach(d -> deployments.put(d.name(), d.as(Deployment.class)));
        for (Manifest m : base.objects("HorizontalPodAutoscaler")) {
            HorizontalPodAutoscaler hpa = m.as(HorizontalPodAutoscaler.class);
            var target = hpa.getSpec().getScaleTargetRef();
            Deployment deployment = deployments.get(target.getName());
            assertTrue("Deployment".equals(target.getKind()) && deployment != null, m + ": scales no Deployment");
            // A service that must stay single is replaced, not rolled, and never autoscaled.
            assertTrue(deployment.getSpec().getStrategy() == null
                    || !"Recreate".equals(deployment.getSpec().getStrategy().getType()), m + " scales the singleton " + target.getName());
            assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas(), m + ": min ≤ max");
            assertTrue(deployment.getSpec().getReplicas() >= hpa.getSpec().getMinReplicas(), m + ": Deployment replicas ≥ minReplicas");
        }
        List<PodDisruptionBudget> budgets = base.objects("PodDisruptionBudget").stream().map(m -> m.as(PodDisruptionBudget.class)).toList();
        for (PodDisruptionBudget budget : budgets) {
            assertTrue(deployments.values().stream().anyMatch(d -> matches(budget.getSpec().getSelector(), podLabels(d))),
                    "PodDisruptionBudget " + budget.getMetadata().getName() + " selects no Deployment's pods");
        }
        for (Suite.Service service : Suite.services()) {
            Deployment deployment = deployments.get(service.name());
            assertEquals(1, budgets.stream().filter(b -> matches(b.getSpec().getSelector(), podLabels(deployment))).count(),
                    service + ": one PodDisruptionBudget");
        }
    }

    @Test
    void networkPoliciesSelectExistingPods() {
        Kustomization base = Kustomization.at(Suite.BASE);
        List<Map<String, String>> pods = pods(base);
        List<String> problems = new ArrayList<>();
        List<Manifest> policies = base.objects("NetworkPolicy");
        assertTrue(!policies.isEmpty(), "NetworkPolicies");
        for (Manifest m : policies) {
            NetworkPolicy policy = m.as(NetworkPolicy.class);
            if (pods.stream().noneMatch(p -> matches(policy.getSpec().getPodSelector(), p))) {
                problems.add(m + ": podSelector matches no pod");
            }
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            policy.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom()));
            policy.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo()));
            for (NetworkPolicyPeer peer : peers) {
                // Peers in this namespace must be pods that exist; other namespaces are the cluster's.
                if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                        && pods.stream().noneMatch(p -> matches(peer.getPodSelector(), p))) {
                    problems.add(m + ": peer " + peer.getPodSelector().getMatchLabels() + " matches no pod");
                }
            }
        }
        for (Manifest kafka : base.objects("Kafka")) {
            for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    peer.at("/podSelector/matchLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    if (pods.stream().noneMatch(p -> p.entrySet().containsAll(labels.entrySet()))) {
                        problems.add(kafka + ": listener peer " + labels + " matches no pod");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void ingressRoutesToExistingServicePorts() {
        Kustomization base = Kustomization.at(Suite.BASE);
        Map<String, Set<String>> servicePorts = new LinkedHashMap<>();
        base.objects("Service").forEach(s -> servicePorts.put(s.name(), new HashSet<>(
                s.as(Service.class).getSpec().getPorts().stream().flatMap(p -> Stream.of(p.getName(), String.valueOf(p.getPort()))).toList())));
        // The Keycloak operator's Service: <name>-service, port 8080 when HTTP is enabled.
        base.objects("Keycloak").forEach(k -> servicePorts.put(k.name() + "-service", Set.of("http", "8080")));
        List<String> problems = new ArrayList<>();
        for (Manifest m : base.objects("Ingress")) {
            m.as(Ingress.class).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                String port = backend.getPort().getName() != null ? backend.getPort().getName() : String.valueOf(backend.getPort().getNumber());
                Set<String> ports = servicePorts.get(backend.getName());
                if (ports == null || !ports.contains(port)) {
                    problems.add(rule.getHost() + " → " + backend.getName() + ":" + port + " does not exist");
                }
            }));
        }
        assertEquals(List.of(), problems);
        for (Suite.Service service : Suite.services()) {
            assertTrue(base.objects("Ingress").stream().anyMatch(m -> m.tree().toString().contains("\"name\":\"" + service.name() + "\"")),
                    service + ": reachable through the Ingress");
        }
    }

    /** Labels of every pod the manifests make: Deployments' templates and the operators' pods. */
    static List<Map<String, String>> pods(Kustomization k) {
        List<Map<String, String>> pods = new ArrayList<>();
        k.objects("Deployment").forEach(d -> pods.add(podLabels(d.as(Deployment.class))));
        k.objects("Cluster").forEach(c -> pods.add(Map.of("cnpg.io/cluster", c.name())));
        k.objects("Kafka").forEach(c -> pods.add(Map.of("strimzi.io/cluster", c.name(), "strimzi.io/kind", "Kafka")));
        k.objects("Keycloak").forEach(c -> pods.add(Map.of("app", "keycloak", "app.kubernetes.io/instance", c.name(),
                "app.kubernetes.io/managed-by", "keycloak-operator")));
        return pods;
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not checked here: use matchLabels");
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    static List<Reference> references(List<Manifest> objects) {
        List<Reference> references = new ArrayList<>();
        for (Manifest m : objects) {
            if (m.is("Deployment")) {
                PodSpec pod = m.as(Deployment.class).getSpec().getTemplate().getSpec();
                for (Container c : Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList()) {
                    for (EnvVar e : c.getEnv()) {
                        var from = e.getValueFrom();
                        if (from != null && from.getSecretKeyRef() != null) {
                            references.add(new Reference("Secret", from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey(), m + " env " + e.getName()));
                        }
                        if (from != null && from.getConfigMapKeyRef() != null) {
                            references.add(new Reference("ConfigMap", from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey(), m + " env " + e.getName()));
                        }
                    }
                    c.getEnvFrom().forEach(e -> {
                        if (e.getSecretRef() != null) {
                            references.add(new Reference("Secret", e.getSecretRef().getName(), null, m + " envFrom"));
                        }
                        if (e.getConfigMapRef() != null) {
                            references.add(new Reference("ConfigMap", e.getConfigMapRef().getName(), null, m + " envFrom"));
                        }
                    });
                }
                pod.getVolumes().forEach(v -> {
                    if (v.getSecret() != null) {
                        references.add(new Reference("Secret", v.getSecret().getSecretName(), null, m + " volume " + v.getName()));
                    }
                    if (v.getConfigMap() != null) {
                        references.add(new Reference("ConfigMap", v.getConfigMap().getName(), null, m + " volume " + v.getName()));
                    }
                });
            }
            if (m.is("Cluster")) {
                JsonNode initdb = m.at("/spec/bootstrap/initdb/secret/name");
                if (!initdb.isMissingNode()) {
                    basicAuth(references, initdb.asText(), m + " bootstrap.initdb");
                }
                stream(m.at("/spec/managed/roles")).forEach(r -> basicAuth(references, r.at("/passwordSecret/name").asText(),
                        m + " role " + r.path("name").asText()));
            }
            if (m.is("Keycloak")) {
                for (String field : List.of("usernameSecret", "passwordSecret")) {
                    JsonNode ref = m.at("/spec/db/" + field);
                    references.add(new Reference("Secret", ref.path("name").asText(), ref.path("key").asText(), m + " db." + field));
                }
            }
            if (m.is("KeycloakRealmImport")) {
                m.at("/spec/placeholders").fields().forEachRemaining(p -> references.add(new Reference("Secret",
                        p.getValue().at("/secret/name").asText(), p.getValue().at("/secret/key").asText(), m + " placeholder " + p.getKey())));
            }
        }
        return references;
    }

    private static void basicAuth(List<Reference> references, String secret, String where) {
        references.add(new Reference("Secret", secret, "username", where));
        references.add(new Reference("Secret", secret, "password", where));
    }

    /** username of each basic-auth Secret the dev overlay generates. */
    private static Map<String, String> devUsernames() {
        Map<String, String> usernames = new LinkedHashMap<>();
        Suite.overlay("dev").spec().path("secretGenerator").forEach(g -> g.path("literals").forEach(l -> {
            String[] pair = l.asText().split("=", 2);
            if (pair[0].equals("username")) {
                usernames.put(g.get("name").asText(), pair[1]);
            }
        }));
        return usernames;
    }

    private static String secretOf(Container container, String env) {
        return container.getEnv().stream().filter(e -> e.getName().equals(env) && e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null).map(e -> e.getValueFrom().getSecretKeyRef().getName())
                .findFirst().orElse(null);
    }

    private static String keyOf(Container container, String env) {
        return container.getEnv().stream().filter(e -> e.getName().equals(env) && e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null).map(e -> e.getValueFrom().getSecretKeyRef().getKey())
                .findFirst().orElse(null);
    }

    private static Map<String, Manifest> byName(List<Manifest> manifests) {
        Map<String, Manifest> byName = new LinkedHashMap<>();
        manifests.forEach(m -> byName.put(m.name(), m));
        return byName;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }
}
