package io.crowdrecon.recon.statement.config;

import io.crowdrecon.recon.statement.Statements;
import io.crowdrecon.recon.statement.persistence.R2dbcStatementFacts;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

@Configuration(proxyBeanMethods = false)
class StatementConfiguration {

    @Bean
    Statements statements(DatabaseClient database, ConnectionFactory connectionFactory) {
        // One snapshot per statement or ledger: a use case committing meanwhile cannot make it add up wrong.
        DefaultTransactionDefinition snapshot = new DefaultTransactionDefinition();
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return new Statements(new R2dbcStatementFacts(
                database, TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory), snapshot)));
    }
}
