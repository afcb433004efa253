package io.crowdrecon.recon.review.config;

import io.crowdrecon.recon.review.persistence.R2dbcReviewItems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    R2dbcReviewItems reviewItems(DatabaseClient database) {
        return new R2dbcReviewItems(database);
    }
}
