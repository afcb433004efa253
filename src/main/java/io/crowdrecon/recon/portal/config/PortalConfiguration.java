package io.crowdrecon.recon.portal.config;

import io.crowdrecon.recon.portal.Onboarding;
import io.crowdrecon.recon.portal.PortalSettings;
import io.crowdrecon.recon.portal.persistence.R2dbcCompanies;
import io.crowdrecon.recon.portal.persistence.R2dbcPortals;
import io.crowdrecon.recon.shared.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The settings a new portal starts with. Production defaults follow the regulation and the banks (four days,
     * two TARGET2 business days); the embedded default and the tests wait for nothing.
     */
    @Bean
    PortalSettings defaultPortalSettings(
            @Value("${recon.investor-protection.reflection-period:P4D}") Duration reflectionPeriod,
            @Value("${recon.investor-protection.clearing-business-days:2}") int clearingBusinessDays,
            @Value("${recon.investor-protection.card-clearing-period:PT0S}") Duration cardClearingPeriod) {
        return new PortalSettings(reflectionPeriod, clearingBusinessDays, cardClearingPeriod);
    }

    @Bean
    Onboarding onboarding(
            R2dbcPortals portals,
            R2dbcCompanies companies,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            PortalSettings defaultPortalSettings) {
        return new Onboarding(portals, companies, ids, random, clock, defaultPortalSettings);
    }
}
