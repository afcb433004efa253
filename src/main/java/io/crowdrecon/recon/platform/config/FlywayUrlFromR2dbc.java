package io.crowdrecon.recon.platform.config;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Flyway migrates over JDBC while the service talks R2DBC. So that operators configure the
 * database once, a missing {@code spring.flyway.url/user/password} is derived from
 * {@code spring.r2dbc.*} ({@code r2dbc:postgresql://h:p/db?sslMode=verify-full&maxSize=20} becomes
 * {@code jdbc:postgresql://h:p/db?sslmode=verify-full}): the options that say how to reach and trust the server
 * keep their meaning under the JDBC driver's names, the pool's and the R2DBC driver's own are dropped. Without that,
 * the migrations of a service configured for {@code verify-full} would go over a connection that checks nothing.
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

    static @Nullable String toJdbcUrl(String r2dbcUrl) {
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
        if (query < 0) {
            return "jdbc:postgresql://" + rest;
        }
        StringJoiner options = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String option : rest.substring(query + 1).split("&")) {
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            String jdbcName = JDBC_OPTIONS.get(name);
            if (jdbcName != null && equals > 0) {
                options.add(jdbcName + option.substring(equals));
            }
        }
        return "jdbc:postgresql://" + rest.substring(0, query) + options;
    }

    /** R2DBC PostgreSQL URL options and the JDBC driver's names for the same setting. */
    private static final Map<String, String> JDBC_OPTIONS = Map.of(
            "sslMode", "sslmode",
            "sslRootCert", "sslrootcert",
            "sslCert", "sslcert",
            "sslKey", "sslkey",
            "sslPassword", "sslpassword",
            "schema", "currentSchema",
            "applicationName", "ApplicationName",
            "connectTimeout", "connectTimeout");

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
