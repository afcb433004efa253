package io.crowdrecon.recon.payment.config;

import io.crowdrecon.recon.payment.persistence.R2dbcMoneyins;
import io.crowdrecon.recon.payment.persistence.R2dbcMoneyouts;
import io.crowdrecon.recon.payment.persistence.R2dbcPaymentInstructions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    R2dbcMoneyins moneyins(DatabaseClient database) {
        return new R2dbcMoneyins(database);
    }

    @Bean
    R2dbcMoneyouts moneyouts(DatabaseClient database) {
        return new R2dbcMoneyouts(database);
    }

    @Bean
    R2dbcPaymentInstructions paymentInstructions(DatabaseClient database) {
        return new R2dbcPaymentInstructions(database);
    }
}
