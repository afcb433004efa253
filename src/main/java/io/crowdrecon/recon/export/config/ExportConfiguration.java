package io.crowdrecon.recon.export.config;

import io.crowdrecon.recon.export.Exports;
import io.crowdrecon.recon.export.persistence.R2dbcExportRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    Exports exports(DatabaseClient database) {
        return new Exports(new R2dbcExportRows(database));
    }
}
