package io.crowdrecon.recon.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server and a real Kafka broker, started together, stopped in reverse order. */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final DurablePostgres postgres;
    private final DurableKafka kafka;

    private EmbeddedInfrastructure(DurablePostgres postgres, DurableKafka kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts both servers with their data under {@code workDirectory} ({@code postgres/} and
     * {@code kafka/}); a port of 0 picks a free one.
     */
    public static EmbeddedInfrastructure start(
            Path workDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort, boolean durable) {
        long started = System.nanoTime();
        DurablePostgres postgres = DurablePostgres.start(workDirectory.resolve("postgres"), postgresPort, durable);
        try {
            DurableKafka kafka =
                    DurableKafka.start(workDirectory.resolve("kafka"), kafkaPort, kafkaControllerPort, !durable);
            log.info(
                    "Embedded PostgreSQL on port {} and Kafka on {} ready in {} ms (work directory {})",
                    postgres.port(),
                    kafka.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000,
                    workDirectory);
            return new EmbeddedInfrastructure(postgres, kafka);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** Standard Spring properties pointing the service at these servers. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl());
        properties.put("spring.r2dbc.username", DurablePostgres.USER);
        properties.put("spring.r2dbc.password", "");
        properties.put("spring.flyway.url", postgres.jdbcUrl());
        properties.put("spring.flyway.user", DurablePostgres.USER);
        properties.put("spring.flyway.password", "");
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        return properties;
    }

    public DurablePostgres postgres() {
        return postgres;
    }

    public DurableKafka kafka() {
        return kafka;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
