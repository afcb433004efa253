package io.crowdrecon.recon.operator.config;

import io.crowdrecon.recon.operator.OperatorDesk;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.operator.persistence.R2dbcOperators;
import io.crowdrecon.recon.operator.persistence.R2dbcOpsLog;
import io.crowdrecon.recon.operator.web.OpsAuthorizationFilter;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class OperatorConfiguration {

    @Bean
    R2dbcOperators operators(DatabaseClient database) {
        return new R2dbcOperators(database);
    }

    @Bean
    R2dbcOpsLog opsLog(DatabaseClient database) {
        return new R2dbcOpsLog(database);
    }

    @Bean
    OpsJournal opsJournal(R2dbcOpsLog log, Transactions transactions, Clock clock) {
        return new OpsJournal(log, transactions, clock);
    }

    @Bean
    OperatorDesk operatorDesk(
            R2dbcOperators operators, OpsJournal journal, IdGenerator ids, SecureRandom random, Clock clock) {
        return new OperatorDesk(operators, journal, ids, random, clock);
    }

    @Bean
    OpsAuthorizationFilter opsAuthorizationFilter(ObjectMapper json) {
        return new OpsAuthorizationFilter(json);
    }
}
