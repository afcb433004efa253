package io.crowdrecon.recon.platform.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Flyway migrates over JDBC while the service talks R2DBC. So that operators configure the
 * database once, a missing {@code spring.flyway.url/user/password} is derived from
 * {@code spring.r2dbc.*} ({@code r2dbc:postgresql://h:p/db?x} becomes {@code jdbc:postgresql://h:p/db}).
 */
public class FlywayUrlFromR2dbc implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
        Map<String, Object> derived = new HashMap<>();
        if (!environment.containsProperty("spring.flyway.url") && r2dbcUrl != null) {
            String jdbcUrl = toJdbcUrl(r2dbcUrl);
            if (jdbcUrl != null) {
                derived.put("spring.flyway.url", jdbcUrl);
            }
        }
        copyIfMissing(environment, derived, "spring.r2dbc.username", "spring.flyway.user");
        copyIfMissing(environment, derived, "spring.r2dbc.password", "spring.flyway.password");
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("flywayFromR2dbc", derived));
        }
    }

    static String toJdbcUrl(String r2dbcUrl) {
        String prefix = "r2dbc:postgresql://";
        String pooledPrefix = "r2dbc:pool:postgresql://";
        String rest;
        if (r2dbcUrl.startsWith(prefix)) {
            rest = r2dbcUrl.substring(prefix.length());
        } else if (r2dbcUrl.startsWith(pooledPrefix)) {
            rest = r2dbcUrl.substring(pooledPrefix.length());
        } else {
            return null;
        }
        int query = rest.indexOf('?');
        return "jdbc:postgresql://" + (query < 0 ? rest : rest.substring(0, query));
    }

    private static void copyIfMissing(
            ConfigurableEnvironment environment, Map<String, Object> derived, String from, String to) {
        if (!environment.containsProperty(to) && environment.containsProperty(from)) {
            derived.put(to, environment.getProperty(from));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
