package io.crowdrecon.recon.platform.persistence;

import io.crowdrecon.recon.shared.ConcurrentChangeException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure of the infrastructure (database or broker unreachable, timed out, a race lost
 * again and again), which waiting cures, from a refusal of the data itself, which it does not.
 */
public final class InfrastructureFailures {

    private InfrastructureFailures() {}

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcTransientResourceException
                    || t instanceof R2dbcNonTransientResourceException
                    || t instanceof R2dbcTimeoutException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof ConcurrentChangeException
                    || t instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException
                    || t instanceof TimeoutException
                    || t instanceof IOException
                    || t.getClass().getName().startsWith("io.netty.channel")
                    || t.getClass()
                            .getName()
                            .equals("io.r2dbc.postgresql.PostgresqlConnectionFactory$PostgresConnectionException")
                    || t.getClass()
                            .getName()
                            .equals("io.r2dbc.postgresql.client.ReactorNettyClient$PostgresConnectionClosedException")
                    || t.getClass().getName().equals("org.apache.kafka.common.errors.TimeoutException")
                    || t.getClass().getName().equals("org.apache.kafka.common.errors.NetworkException")
                    || (t instanceof IllegalStateException
                            && String.valueOf(t.getMessage()).contains("Timeout"))) {
                return true;
            }
        }
        return false;
    }
}
