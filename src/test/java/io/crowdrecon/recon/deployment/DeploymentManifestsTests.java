package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.platform.kafka.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files agree with the application: ports, probe paths, environment variable names
 * (each must be a property the service reads), the topics of SPEC.md section 6; the image runs
 * without root and without the embedded servers; every overlay renders. What the rendered overlays
 * must hold for production is in {@link RenderedManifestsTests}.
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
            Path file = BASE.resolve(resource);
            assertThat(yaml(Files.isDirectory(file) ? file.resolve("kustomization.yaml") : file))
                    .as(resource)
                    .isNotEmpty();
        }
    }

    @Test
    void exposesTheServersPortAndProbesTheHealthGroups() throws IOException {
        Map<String, Object> container = container();
        Map<String, Object> application = application();
        Object serverPort = path(application, "server", "port");
        assertThat((Object) path(container, "ports", 0, "name")).isEqualTo("http");
        assertThat((Object) path(container, "ports", 0, "containerPort")).isEqualTo(serverPort);
        assertThat((Object) path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((Object) path(container, "readinessProbe", "httpGet", "path"))
                .isEqualTo("/actuator/health/readiness");
        assertThat((Object) path(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
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
        Set<String> names = new TreeSet<>();
        for (String overlay : Rendered.OVERLAYS) {
            Rendered rendered = Rendered.of(overlay);
            List<Map<String, Object>> workloads = new ArrayList<>(rendered.all("Deployment"));
            workloads.addAll(rendered.all("Job"));
            workloads.forEach(
                    workload -> names.addAll(rendered.environment(workload).keySet()));
        }
        Map<String, Object> compose = yaml(Path.of("docker/compose.yaml")).get(0);
        Map<String, Object> composeEnv = path(compose, "services", "crowdrecon", "environment");
        names.addAll(composeEnv.keySet());
        assertThat(names).contains("SPRING_R2DBC_URL", "MANAGEMENT_SERVER_PORT", "RECON_OPS_API_KEY");

        Map<String, Object> application = application();
        Map<String, String> declared = springBootProperties();
        for (String name : names) {
            if (JVM_VARIABLES.contains(name)) {
                continue;
            }
            boolean read = name.startsWith("RECON_")
                    ? matches(application, name.toLowerCase(Locale.ROOT).split("_"), 0)
                    : (name.startsWith("SPRING_") || name.startsWith("MANAGEMENT_")) && bindsTo(name, declared);
            assertThat(read).as("%s is a property the service reads", name).isTrue();
        }
    }

    @Test
    void aMisspelledSpringVariableIsNotTakenForAProperty() throws IOException {
        Map<String, String> declared = springBootProperties();
        assertThat(bindsTo("SPRING_R2DBC_POOL_MAX_SIZE", declared)).isTrue();
        assertThat(bindsTo("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", declared))
                .isTrue();
        assertThat(bindsTo("SPRING_R2DBC_POOL_MAXIMUM_SIZE", declared)).isFalse();
        assertThat(bindsTo("SPRING_KAFKA_SECURITY_PROTOCOLS", declared)).isFalse();
        assertThat(bindsTo("MANAGEMENT_SERVER_PORTS", declared)).isFalse();
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
    void rendersEveryOverlayWithKubectlKustomize() {
        for (String overlay : List.of(Rendered.PROD, Rendered.DEV)) {
            assertThat(Rendered.of(overlay).objects())
                    .extracting(object -> (String) object.get("kind"))
                    .contains(
                            "Deployment",
                            "Service",
                            "HorizontalPodAutoscaler",
                            "PodDisruptionBudget",
                            "NetworkPolicy",
                            "KafkaTopic",
                            "KafkaUser",
                            "ExternalSecret",
                            "Cluster",
                            "PodMonitor",
                            "PrometheusRule");
        }
        for (String overlay : List.of(Rendered.PROD_MIGRATE, Rendered.DEV_MIGRATE)) {
            assertThat(Rendered.of(overlay).objects())
                    .extracting(object -> (String) object.get("kind"))
                    .containsExactlyInAnyOrder("Job", "NetworkPolicy");
        }
    }

    /**
     * Whether Spring Boot binds the environment variable to a property declared in the configuration metadata of
     * the jars (its own relaxed mapping: SPRING_R2DBC_POOL_MAX_SIZE → spring.r2dbc.pool.max-size); under a
     * map-typed property any key binds (SPRING_KAFKA_PROPERTIES_SASL_MECHANISM → spring.kafka.properties).
     */
    private static boolean bindsTo(String variable, Map<String, String> declared) {
        // Named as Spring Boot names the process environment, so that its environment-variable mapping applies.
        ConfigurationPropertySource environment = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource("systemEnvironment", Map.of(variable, "x")));
        return declared.entrySet().stream().anyMatch(property -> {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(property.getKey());
            return property.getValue() != null && property.getValue().startsWith("java.util.Map<")
                    ? environment.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT
                    : environment.getConfigurationProperty(name) != null;
        });
    }

    /** name → type of every property in the META-INF/spring-configuration-metadata.json of the classpath. */
    private static Map<String, String> springBootProperties() throws IOException {
        Map<String, String> properties = new HashMap<>();
        Enumeration<URL> files = DeploymentManifestsTests.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        JsonMapper json = JsonMapper.builder().build();
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    properties.put(
                            property.path("name").asString(),
                            property.path("type").asString(null));
                }
            }
        }
        assertThat(properties).containsKeys("spring.r2dbc.url", "spring.kafka.properties", "management.server.port");
        return properties;
    }

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

    private static Map<String, Object> deployment() {
        return Rendered.of(Rendered.PROD).one("Deployment", "crowdrecon");
    }

    private static Map<String, Object> container() {
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

    private static <T> T path(Object root, Object... steps) {
        return Rendered.path(root, steps);
    }
}
