package io.crowdrecon.recon.ops.config;

import io.crowdrecon.recon.ops.kafka.AdminKafkaLag;
import io.crowdrecon.recon.ops.persistence.R2dbcAuditor;
import io.crowdrecon.recon.ops.persistence.R2dbcOpsStats;
import io.crowdrecon.recon.ops.persistence.R2dbcPortalStats;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    AdminKafkaLag kafkaLag(org.apache.kafka.clients.admin.AdminClient healthAdminClient) {
        return new AdminKafkaLag(healthAdminClient, "crowdrecon");
    }

    @Bean
    ConsumerLagMetrics consumerLagMetrics(
            AdminKafkaLag kafkaLag, io.micrometer.core.instrument.MeterRegistry registry) {
        return new ConsumerLagMetrics(kafkaLag, registry);
    }

    @Bean
    R2dbcOpsStats opsStats(DatabaseClient database, AdminKafkaLag kafkaLag, Clock clock) {
        return new R2dbcOpsStats(database, kafkaLag, clock);
    }

    @Bean
    R2dbcPortalStats portalStats(DatabaseClient database) {
        return new R2dbcPortalStats(database);
    }

    @Bean
    R2dbcAuditor auditor(DatabaseClient database, ConnectionFactory connectionFactory, Clock clock) {
        // One consistent snapshot: a batch committing meanwhile cannot make the books look unbalanced.
        DefaultTransactionDefinition snapshot = new DefaultTransactionDefinition();
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return new R2dbcAuditor(
                database,
                TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory), snapshot),
                clock);
    }
}
