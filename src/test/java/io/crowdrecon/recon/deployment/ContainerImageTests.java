package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image (docker/Dockerfile) and compose (docker/compose.yaml) as a platform team reviews them: reproducible
 * base images, nothing installed at run time, a build context of the sources alone, and containers that can be
 * recreated without losing data.
 */
class ContainerImageTests {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    @Test
    void pinsEveryBaseImageByDigest() throws IOException {
        List<String> images = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile());
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSize(2).allSatisfy(image -> assertThat(image)
                .as("a tag moves; a digest does not")
                .matches("[a-z0-9./-]+:[\\w.-]+@sha256:[0-9a-f]{64}"));
    }

    @Test
    void runsAsANonRootUserWithoutInstallingPackagesOrTheEmbeddedServers() throws IOException {
        String dockerfile = dockerfile();
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime)
                .as("the runtime stage")
                .doesNotContainPattern("apt-get|apk add|yum|dnf|microdnf|curl|wget")
                .doesNotContainPattern("(?m)^HEALTHCHECK")
                .containsPattern("(?m)^USER 10001")
                .containsPattern("(?m)^EXPOSE 8080 8081")
                .contains("-XX:+UseG1GC")
                // the AOT cache is trained in the image and used by its entry point
                .contains("-XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh")
                .containsPattern(
                        "(?m)^ENTRYPOINT \\[\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"crowdrecon.jar\"\\]");
        assertThat(dockerfile).doesNotContain("EmbeddedReconApplication");
    }

    @Test
    void buildsFromTheSourcesAloneAndSendsNothingElseAsContext() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        // Everything is excluded, then what the build copies is let back in: target/ (and the benchmarks'
        // target-*/) stay out of the context.
        assertThat(ignore.get(0)).isEqualTo("*");
        List<String> allowed = ignore.stream()
                .filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1).replaceAll("/$", ""))
                .toList();
        assertThat(allowed).noneMatch(path -> path.startsWith("target"));

        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+) \\S+$").matcher(dockerfile());
        List<String> copied = new ArrayList<>();
        while (copy.find()) {
            copied.addAll(List.of(copy.group(1).trim().split("\\s+")));
        }
        assertThat(copied).isNotEmpty().allSatisfy(source -> {
            assertThat(allowed).as("%s is in the build context", source).anyMatch(source::startsWith);
            assertThat(Path.of(source)).exists();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsKafkasAndPostgresDataInTheirVolumes() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka");
        Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");

        assertThat(mounts(kafka)).containsEntry("kafka-data", String.valueOf(environment.get("KAFKA_LOG_DIRS")));
        assertThat(environment)
                .as("a recreated broker must find its own cluster")
                .containsKey("CLUSTER_ID");
        assertThat(mounts((Map<String, Object>) services.get("postgres")))
                .containsEntry("postgres-data", "/var/lib/postgresql");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("kafka-data", "postgres-data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> mounts(Map<String, Object> service) {
        Map<String, String> mounts = new java.util.LinkedHashMap<>();
        for (String volume : (List<String>) service.get("volumes")) {
            String[] parts = volume.split(":");
            mounts.put(parts[0], parts[1]);
        }
        return mounts;
    }

    private static String dockerfile() throws IOException {
        return Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
    }
}
