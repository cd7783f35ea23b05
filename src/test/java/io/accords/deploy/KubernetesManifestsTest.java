package io.accords.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads every manifest under {@code k8s/} into the fabric8 Kubernetes model, refusing any field the model does not
 * know, and checks that what the manifests say about the application matches the application.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML =
            JsonMapper.builder(new YAMLFactory()).build();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class,
            "StatefulSet", StatefulSet.class,
            "Service", Service.class,
            "ServiceAccount", ServiceAccount.class,
            "ConfigMap", ConfigMap.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class);

    private static List<HasMetadata> manifests;
    private static Properties application;

    @BeforeAll
    static void read() throws IOException {
        manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode document : YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class)
                        .readAll()) {
                    if (document.path("kind").asText().equals("Kustomization")) {
                        continue;
                    }
                    Class<? extends HasMetadata> type =
                            KINDS.get(document.path("kind").asText());
                    assertNotNull(type, file + ": a kind this test knows, not " + document.path("kind"));
                    HasMetadata manifest = YAML.treeToValue(document, type);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(manifest, document.path("kind").asText(), unknown, new IdentityHashMap<>());
                    assertEquals(List.of(), unknown, file + ": fields the Kubernetes model does not know");
                    manifests.add(manifest);
                }
            }
        }
        application = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            application.load(in);
        }
    }

    @Test
    void everyKustomizationNamesFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path kustomization : files.filter(
                            f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                JsonNode node = YAML.readTree(kustomization.toFile());
                List<String> references = new ArrayList<>();
                node.path("resources").forEach(r -> references.add(r.asText()));
                node.path("patches").forEach(p -> references.add(p.path("path").asText()));
                assertFalse(references.isEmpty(), kustomization + " names its resources");
                for (String reference : references) {
                    assertTrue(
                            Files.exists(kustomization.getParent().resolve(reference)),
                            kustomization + " names " + reference + ", which exists");
                }
            }
        }
    }

    @Test
    void deploymentRunsTwoSecureProbedReplicasWithoutEverDroppingBelowThem() {
        Deployment deployment = one(Deployment.class, "accords");
        assertEquals(2, deployment.getSpec().getReplicas());
        assertEquals(
                0,
                deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal());
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        Container container = pod.getContainers().get(0);
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(
                List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertTrue(container.getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/tmp")));
        assertNotNull(container.getResources().getRequests().get("memory"));
        assertNotNull(container.getResources().getLimits().get("memory"));
        assertNotNull(container.getResources().getRequests().get("cpu"));
        assertTrue(
                pod.getTerminationGracePeriodSeconds()
                        > seconds("quarkus.shutdown.delay") + seconds("quarkus.shutdown.timeout"),
                "the pod is given time for the whole graceful shutdown");
    }

    @Test
    void probesAndMetricsUseTheManagementPortThatNoServiceRoutes() {
        var pod = one(Deployment.class, "accords").getSpec().getTemplate();
        Container container = pod.getSpec().getContainers().get(0);
        int port = Integer.parseInt(application.getProperty("quarkus.http.port"));
        int management = Integer.parseInt(application.getProperty("quarkus.management.port"));
        assertEquals("true", application.getProperty("quarkus.management.enabled"));
        assertEquals(port, container.getPorts().get(0).getContainerPort());
        String portName = container.getPorts().get(0).getName();
        var managementPort = container.getPorts().stream()
                .filter(p -> p.getContainerPort() == management)
                .findFirst()
                .orElseThrow();
        assertProbe(container.getStartupProbe(), "/q/health/started", managementPort.getName());
        assertProbe(container.getReadinessProbe(), "/q/health/ready", managementPort.getName());
        assertProbe(container.getLivenessProbe(), "/q/health/live", managementPort.getName());
        assertEquals(
                String.valueOf(management), pod.getMetadata().getAnnotations().get("prometheus.io/port"));
        Service service = one(Service.class, "accords");
        assertEquals(
                List.of(portName),
                service.getSpec().getPorts().stream()
                        .map(p -> p.getTargetPort().getStrVal())
                        .toList(),
                "the Service (and so the Ingress) routes only the API port");
        assertEquals(
                String.valueOf(port), one(ConfigMap.class, "accords").getData().get("QUARKUS_HTTP_PORT"));
    }

    @Test
    void imageIsTheOneKustomizeReplaces() throws IOException {
        Container container = one(Deployment.class, "accords")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        JsonNode kustomization =
                YAML.readTree(K8S.resolve("base/kustomization.yaml").toFile());
        assertEquals(
                container.getImage(),
                kustomization.path("images").get(0).path("name").asText());
    }

    /** Settings whose default depends on the build (H2 or PostgreSQL), so application.properties leaves them unset. */
    private static final Set<String> UNSET_BY_DEFAULT = Set.of("accords.seed.enabled", "accords.auth.dev.keys.enabled");

    @Test
    void everyEnvironmentVariableIsASettingReadmeDocuments() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> names = manifests.stream()
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("accords"))
                .flatMap(c -> c.getData().keySet().stream())
                .collect(Collectors.toSet());
        one(Deployment.class, "accords").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .map(EnvVar::getName)
                .forEach(names::add);
        assertTrue(names.size() >= 8, "the Deployment configures the service: " + names);
        for (String name : names) {
            assertTrue(readme.contains("| `" + name + "` |"), name + " is in README's configuration table");
            String property = name.toLowerCase().replace('_', '.');
            if (!property.startsWith("quarkus.http.cors") && !property.startsWith("quarkus.log.console.json")) {
                assertTrue(
                        application.stringPropertyNames().stream()
                                        .anyMatch(p -> p.replace('-', '.').equals(property))
                                || UNSET_BY_DEFAULT.contains(property),
                        name + " overrides a setting of application.properties (" + property + ")");
            }
        }
    }

    @Test
    void databaseCredentialsComeFromASecretThatIsNeverCommitted() {
        List<EnvVar> env = one(Deployment.class, "accords")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();
        for (String name :
                List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            EnvVar var = env.stream()
                    .filter(e -> e.getName().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertEquals("accords-db", var.getValueFrom().getSecretKeyRef().getName(), name + " comes from the Secret");
        }
        assertTrue(manifests.stream().noneMatch(m -> m.getKind().equals("Secret")), "no Secret is committed");
    }

    @Test
    void autoscalerBudgetAndNetworkPolicyProtectTheDeployment() {
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class, "accords");
        assertEquals("accords", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        PodDisruptionBudget pdb = one(PodDisruptionBudget.class, "accords");
        assertEquals("accords", pdb.getSpec().getSelector().getMatchLabels().get("app"));
        NetworkPolicy policy = one(NetworkPolicy.class, "accords");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(
                List.of(8080, 9000),
                policy.getSpec().getIngress().stream()
                        .flatMap(rule -> rule.getPorts().stream())
                        .map(p -> p.getPort().getIntVal())
                        .toList());
        var management = policy.getSpec().getIngress().stream()
                .filter(rule ->
                        rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 9000))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "monitoring",
                management
                        .getFrom()
                        .get(0)
                        .getNamespaceSelector()
                        .getMatchLabels()
                        .get("kubernetes.io/metadata.name"),
                "only the monitoring namespace reaches health and metrics");
        assertEquals(
                Set.of(53, 5432),
                policy.getSpec().getEgress().stream()
                        .flatMap(rule -> rule.getPorts().stream())
                        .map(p -> p.getPort().getIntVal())
                        .collect(Collectors.toSet()));
    }

    @Test
    void containersRunWithTheBenchmarkedJvmOptions() throws IOException {
        List<String> options = Files.readAllLines(Path.of("src", "main", "docker", "jvm-options")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertTrue(options.contains("-XX:+UseSerialGC"), "the measured collector: " + options);
        String dockerfile = Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"));
        assertTrue(dockerfile.contains("src/main/docker/jvm-options"), "Dockerfile.jvm runs with jvm-options");
        String bench = Files.readString(Path.of("bench", "startup.py"));
        assertTrue(bench.contains("\"src\", \"main\", \"docker\", \"jvm-options\""), "the benchmark measures them");
    }

    private static void assertProbe(Probe probe, String path, String portName) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(portName, probe.getHttpGet().getPort().getStrVal());
    }

    private static long seconds(String property) {
        return java.time.Duration.parse("PT" + application.getProperty(property))
                .getSeconds();
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = manifests.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(m -> m.getMetadata().getName().equals(name))
                .toList();
        assertFalse(found.isEmpty(), "a " + type.getSimpleName() + " named " + name);
        return found.get(0);
    }

    /** Collects every field that landed in a model object's additionalProperties: the model does not know it. */
    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object result = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) result).keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    unknownFields(result, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
