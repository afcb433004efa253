package io.crowdrecon.recon.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ServiceProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default ({@code ./mvnw spring-boot:run}) stopped with SIGTERM, as Ctrl-C stops it: after the service,
 * its Kafka broker and then its PostgreSQL server stop, and each says where it was when it is being stopped and when
 * it has stopped.
 */
class EmbeddedShutdownIT {

    private final ServiceProcess service = ServiceProcess.create();

    @AfterEach
    void cleanUp() {
        service.close();
    }

    @Test
    void logsEachServerAsItIsBeingStoppedAndOnceItHasStoppedOnSigterm() {
        service.startAndAwaitHealthy();
        int startedLog = service.logText().length();

        service.terminate();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !service.isAlive());

        String shutdown = service.logText().substring(startedLog);
        String kafka = service.bootstrapServers();
        String postgresPort = service.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1");
        assertThat(shutdown)
                .containsSubsequence(
                        "INFO",
                        "Stopping embedded Kafka broker on " + kafka + " (log dir " + service.workDirectory(),
                        "INFO",
                        "Embedded Kafka broker on " + kafka + " stopped",
                        "INFO",
                        "Stopping embedded PostgreSQL on port " + postgresPort + " (data directory "
                                + service.workDirectory().resolve("postgres") + ")",
                        "INFO",
                        "Embedded PostgreSQL on port " + postgresPort + " stopped")
                .doesNotContain("Could not stop");
    }
}
