package io.crowdrecon.recon.platform.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code crowdrecon migrate}: applies the schema migrations and exits (0 when the schema is current, 1 when a
 * migration failed), for a deployment that migrates in a job of its own with a user that may change the schema
 * and runs the service with one that may only read and write rows ({@code spring.flyway.enabled=false} there).
 * Nothing else starts: no server, no consumer, no relay. Configured like the service: {@code spring.flyway.*}
 * (or derived from {@code spring.r2dbc.*}) and {@code recon.database.runtime-role}.
 */
public final class MigrateCommand {

    public static final String NAME = "migrate";

    private MigrateCommand() {}

    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the migrations; an exception (a failed migration, an unreachable database) leaves to the caller. */
    public static int run(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        // Whatever the service's own configuration says: this command exists to migrate.
        rest.add("--spring.flyway.enabled=true");
        SpringApplication application = new SpringApplication(MigrationOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(rest.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(FlywayAutoConfiguration.class)
    @Import(RuntimeRoleGrants.class)
    static class MigrationOnly {}
}
