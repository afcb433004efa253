package io.crowdrecon.recon.embedded;

import ch.qos.logback.classic.Level;
import io.crowdrecon.recon.ReconApplication;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded default behind {@code ./mvnw spring-boot:run}: starts a real PostgreSQL and a real
 * Kafka broker whose data persists in a work directory, then the service against them. Lives on
 * the test classpath so that neither server reaches the production jar.
 *
 * <p>Environment: {@code RECON_WORK_DIR} (default {@code ~/.crowdrecon}),
 * {@code RECON_EMBEDDED_POSTGRES_PORT} (15432), {@code RECON_EMBEDDED_KAFKA_PORT} (9092),
 * {@code RECON_EMBEDDED_KAFKA_CONTROLLER_PORT} (9093). With {@code RECON_EMBEDDED=false} it starts no
 * server: a second instance, pointed at the first one's PostgreSQL and Kafka by the standard
 * {@code SPRING_*} variables (see the README).
 */
public final class EmbeddedReconApplication {

    private EmbeddedReconApplication() {}

    public static void main(String[] args) {
        quietServerLogs();
        if ("false".equalsIgnoreCase(System.getenv("RECON_EMBEDDED"))) {
            // Another instance of the embedded default: the first one's servers, given by SPRING_* variables.
            SpringApplication second = new SpringApplication(ReconApplication.class);
            second.setAdditionalProfiles("embedded");
            second.run(args);
            return;
        }
        Path workDirectory = Path.of(env("RECON_WORK_DIR", System.getProperty("user.home") + "/.crowdrecon"));
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(
                workDirectory,
                Integer.parseInt(env("RECON_EMBEDDED_POSTGRES_PORT", "15432")),
                Integer.parseInt(env("RECON_EMBEDDED_KAFKA_PORT", "9092")),
                Integer.parseInt(env("RECON_EMBEDDED_KAFKA_CONTROLLER_PORT", "9093")),
                true);
        SpringApplication application = new SpringApplication(ReconApplication.class);
        application.setAdditionalProfiles("embedded");
        // Shutdown handlers run after the application context has closed: the servers go last.
        Runnable stopServers = infrastructure::close;
        SpringApplication.getShutdownHandlers().add(stopServers);
        application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            // Above application.yml, below environment variables and system properties.
            event.getEnvironment()
                    .getPropertySources()
                    .addAfter(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new MapPropertySource("embeddedInfrastructure", infrastructure.springProperties()));
            // Handlers run in the reverse order of their registration, and the logging system has just
            // registered the one that stops it: registered again now, the servers stop while their
            // lines can still be logged.
            SpringApplication.getShutdownHandlers().remove(stopServers);
            SpringApplication.getShutdownHandlers().add(stopServers);
        });
        try {
            application.run(args);
        } catch (RuntimeException startupFailure) {
            infrastructure.close();
            System.exit(1);
        }
    }

    /** Kafka's broker logs its whole configuration at INFO before Spring's logging is set up. */
    private static void quietServerLogs() {
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "io.zonky"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
