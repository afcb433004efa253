package io.crowdrecon.recon.unidentified.config;

import io.crowdrecon.recon.unidentified.persistence.R2dbcUnidentifiedTransfers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class UnidentifiedConfiguration {

    @Bean
    R2dbcUnidentifiedTransfers unidentifiedTransfers(DatabaseClient database) {
        return new R2dbcUnidentifiedTransfers(database);
    }
}
