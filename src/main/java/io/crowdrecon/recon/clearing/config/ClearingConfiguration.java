package io.crowdrecon.recon.clearing.config;

import io.crowdrecon.recon.clearing.ClearingDates;
import io.crowdrecon.recon.clearing.persistence.R2dbcPaidMoneyins;
import io.crowdrecon.recon.portal.Portals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ClearingConfiguration {

    @Bean
    ClearingDates clearingDates(DatabaseClient database, Portals portals) {
        return new ClearingDates(new R2dbcPaidMoneyins(database), portals);
    }
}
