package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.ReconApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another instance of the whole service in the same JVM, on the same PostgreSQL and Kafka as the
 * {@link ReconIntegrationTest} context: two members of consumer group {@code crowdrecon}, two
 * API servers. For tests of concurrency, fan-out and rebalancing. Close it at the end of the test.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance; {@code properties} override the test defaults (e.g. a smaller batch size). */
    public static SecondInstance start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(TestInfrastructure.springProperties());
        all.put("server.port", 0);
        all.putAll(properties);
        // Above application.yml (builder "properties" would be defaults, below it).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReconApplication.class)
                .profiles("test")
                .initializers(ctx -> ctx.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("secondInstance", all)))
                .run();
        return new SecondInstance(context);
    }

    public static SecondInstance start() {
        return start(Map.of());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port())
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
