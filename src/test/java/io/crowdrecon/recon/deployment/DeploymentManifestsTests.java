package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.crowdrecon.recon.platform.kafka.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files agree with the application: ports, probe paths, environment variable names
 * (each must be a property the service reads), the topics of SPEC.md section 6; the image runs
 * without root and without the embedded servers; every overlay renders.
 */
class DeploymentManifestsTests {

    private static final Path BASE = Path.of("k8s/base");
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    @Test
    void listsOnlyFilesThatExistAndParse() throws IOException {
        Map<String, Object> kustomization =
                yaml(BASE.resolve("kustomization.yaml")).get(0);
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) kustomization.get("resources");
        assertThat(resources).isNotEmpty();
        for (String resource : resources) {
            assertThat(yaml(BASE.resolve(resource))).as(resource).isNotEmpty();
        }
    }

    @Test
    void exposesTheServersPortAndProbesTheHealthGroups() throws IOException {
        Map<String, Object> container = container();
        Map<String, Object> application = application();
        Object serverPort = path(application, "server", "port");
        assertThat((Object) path(container, "ports", 0, "containerPort")).isEqualTo(serverPort);
        assertThat((Object) path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((Object) path(container, "readinessProbe", "httpGet", "path"))
                .isEqualTo("/actuator/health/readiness");
        assertThat((Object) path(application, "management", "endpoint", "health", "probes", "enabled"))
                .isEqualTo(true);
        assertThat((String) path(application, "management", "endpoint", "health", "group", "readiness", "include"))
                .contains("r2dbc", "kafka", "consumers");
    }

    @Test
    void runsAsANonRootUserWithAReadOnlyFilesystem() throws IOException {
        Map<String, Object> pod = path(deployment(), "spec", "template", "spec");
        assertThat((Object) path(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Object) path(container(), "securityContext", "readOnlyRootFilesystem"))
                .isEqualTo(true);
        assertThat((Object) path(container(), "securityContext", "allowPrivilegeEscalation"))
                .isEqualTo(false);
        assertThat((Integer) path(pod, "terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(30);
    }

    @Test
    void setsOnlyEnvironmentVariablesTheServiceReads() throws IOException {
        List<String> names = new ArrayList<>();
        for (String file : List.of("configmap.yaml", "secret.yaml")) {
            Map<String, Object> document = yaml(BASE.resolve(file)).get(0);
            Map<String, Object> data = path(document, file.startsWith("secret") ? "stringData" : "data");
            names.addAll(data.keySet());
        }
        List<Map<String, Object>> env = path(container(), "env");
        env.forEach(variable -> names.add((String) variable.get("name")));
        Map<String, Object> compose = yaml(Path.of("docker/compose.yaml")).get(0);
        Map<String, Object> composeEnv = path(compose, "services", "crowdrecon", "environment");
        names.addAll(composeEnv.keySet());

        Map<String, Object> application = application();
        for (String name : names) {
            if (JVM_VARIABLES.contains(name)) {
                continue;
            }
            assertThat(isRead(name, application))
                    .as("%s is a property the service reads", name)
                    .isTrue();
        }
    }

    @Test
    void declaresTheTopicsOfTheSpecWithTheirPartitions() throws IOException {
        Map<String, Integer> partitions = new HashMap<>();
        for (Map<String, Object> topic : yaml(BASE.resolve("kafkatopics.yaml"))) {
            partitions.put(path(topic, "spec", "topicName"), path(topic, "spec", "partitions"));
        }
        Map<String, Integer> expected = new HashMap<>();
        Topics.INBOUND.forEach(topic -> {
            // Bank files: one partition, so that an account's statements are booked in the order they came.
            expected.put(topic, topic.equals(Topics.BANK_FILES) ? 1 : 6);
            expected.put(Topics.dlq(topic), 1);
        });
        Topics.OUTBOUND.forEach(topic -> expected.put(topic, 6));
        assertThat(partitions).isEqualTo(expected);
    }

    @Test
    void rendersEveryOverlayWithKubectlKustomize() throws Exception {
        for (String overlay : List.of("k8s/overlays/dev", "k8s/overlays/prod")) {
            Process kubectl;
            try {
                kubectl = new ProcessBuilder("kubectl", "kustomize", overlay)
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException missing) {
                fail("kubectl is needed to render the manifests (apt-get install kubernetes-client)");
                return;
            }
            String output;
            try (InputStream out = kubectl.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(kubectl.exitValue())
                    .as("kubectl kustomize %s: %s", overlay, output)
                    .isZero();
            assertThat(output)
                    .contains(
                            "kind: Deployment",
                            "kind: Service",
                            "kind: HorizontalPodAutoscaler",
                            "kind: PodDisruptionBudget",
                            "kind: NetworkPolicy",
                            "kind: KafkaTopic");
        }
    }

    /** SPRING_R2DBC_URL → spring.r2dbc.url, RECON_KAFKA_GROUP_INSTANCE_ID → recon.kafka.group-instance-id. */
    private static boolean isRead(String variable, Map<String, Object> application) {
        String[] words = variable.toLowerCase(Locale.ROOT).split("_");
        return matches(application, words, 0) || STANDARD.contains(variable);
    }

    private static final Set<String> STANDARD = Set.of(
            "SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD", "SPRING_KAFKA_BOOTSTRAP_SERVERS");

    /** Whether the words, joined by dots or dashes in some way, name a key of the (nested) properties. */
    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> properties, String[] words, int from) {
        if (from == words.length) {
            return true;
        }
        for (int to = from + 1; to <= words.length; to++) {
            String key = String.join("-", java.util.Arrays.copyOfRange(words, from, to));
            if (!properties.containsKey(key)) {
                continue;
            }
            Object value = properties.get(key);
            if (to == words.length && !(value instanceof Map)) {
                return true;
            }
            if (value instanceof Map<?, ?> nested && matches((Map<String, Object>) nested, words, to)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> deployment() throws IOException {
        return yaml(BASE.resolve("deployment.yaml")).get(0);
    }

    private static Map<String, Object> container() throws IOException {
        return path(deployment(), "spec", "template", "spec", "containers", 0);
    }

    private static Map<String, Object> application() throws IOException {
        return yaml(Path.of("src/main/resources/application.yml")).get(0);
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                documents.add(map);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Object root, Object... steps) {
        Object current = root;
        for (Object step : steps) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index
                    ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
