package io.crowdrecon.recon.platform.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The role the service runs as when it does not own the schema ({@code recon.database.runtime-role}): after every
 * migration it is granted reading and writing rows of every table and sequence of the schema, and nothing else. The
 * service then cannot drop or alter a table, whatever goes wrong in it. Granted again after each migration, so that
 * the tables a new migration adds are covered. The ops log is append-only: on it the role may only INSERT and SELECT.
 * Empty (the default): the service owns the schema; nothing is granted.
 */
@Component
public class RuntimeRoleGrants implements Callback {

    /** A plain PostgreSQL identifier, as the grants quote it. */
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String role;

    public RuntimeRoleGrants(@Value("${recon.database.runtime-role:}") String role) {
        this.role = checked(role);
    }

    static String checked(String role) {
        String value = role == null ? "" : role.trim();
        if (!value.isEmpty() && !ROLE.matcher(value).matches()) {
            throw new IllegalArgumentException("recon.database.runtime-role must be a plain PostgreSQL role name"
                    + " (lower-case letters, digits, _), not '" + value + "'");
        }
        return value;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && !role.isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        // The schema Flyway migrated is the connection's current one (its search_path).
        String grants =
                """
                DO $$
                BEGIN
                    EXECUTE format('GRANT USAGE ON SCHEMA %I TO ROLE', current_schema());
                    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ROLE', current_schema());
                    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO ROLE', current_schema());
                    IF to_regclass('ops_log') IS NOT NULL THEN
                        REVOKE UPDATE, DELETE ON ops_log FROM ROLE;
                    END IF;
                END
                $$"""
                        .replace("ROLE", role);
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(grants);
        } catch (SQLException e) {
            throw new FlywayException("Granting rows to the runtime role " + role + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "crowdrecon runtime role grants";
    }
}
