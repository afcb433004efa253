package io.crowdrecon.recon.investor.config;

import io.crowdrecon.recon.investor.InvestorRegistry;
import io.crowdrecon.recon.investor.persistence.R2dbcInvestors;
import io.crowdrecon.recon.shared.IdGenerator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class InvestorConfiguration {

    @Bean
    R2dbcInvestors investors(DatabaseClient database) {
        return new R2dbcInvestors(database);
    }

    @Bean
    InvestorRegistry investorRegistry(R2dbcInvestors investors, IdGenerator ids, Clock clock) {
        return new InvestorRegistry(investors, ids, clock);
    }
}
