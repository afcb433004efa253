package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.ReconApplication;
import io.crowdrecon.recon.ingest.config.InboundConsumers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service in this JVM (profile {@code test}, a random port) on servers of a test's own, typically
 * {@link OwnServers}: the given properties come first, above {@code application.yml}. Close it before its servers.
 */
public final class OwnInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OwnInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OwnInstance start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("server.port", 0);
        all.putAll(properties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReconApplication.class)
                .profiles("test")
                .initializers(ctx ->
                        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ownInstance", all)))
                .run();
        return new OwnInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public ApiClient api() {
        return new ApiClient(web());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Whether every inbound consumer has joined the group and received its partitions. */
    public boolean consumersAssigned() {
        return bean(InboundConsumers.class).allAssigned();
    }

    @Override
    public void close() {
        context.close();
    }
}
