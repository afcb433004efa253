package io.crowdrecon.recon.portal.config;

import io.crowdrecon.recon.portal.Onboarding;
import io.crowdrecon.recon.portal.persistence.R2dbcCompanies;
import io.crowdrecon.recon.portal.persistence.R2dbcPortals;
import io.crowdrecon.recon.shared.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    R2dbcPortals portals(DatabaseClient database) {
        return new R2dbcPortals(database);
    }

    @Bean
    R2dbcCompanies companies(DatabaseClient database) {
        return new R2dbcCompanies(database);
    }

    @Bean
    Onboarding onboarding(
            R2dbcPortals portals, R2dbcCompanies companies, IdGenerator ids, SecureRandom random, Clock clock) {
        return new Onboarding(portals, companies, ids, random, clock);
    }
}
