package io.crowdrecon.recon.paymentfile.config;

import io.crowdrecon.recon.paymentfile.BuildPaymentFiles;
import io.crowdrecon.recon.shared.BackgroundLoop;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment-file cut-off loop: only with payment files on and a schedule ({@code PaymentFileProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentFileProperties.class)
public class PaymentFileCutOffConfiguration {

    @Bean
    BackgroundLoop.Source paymentFileCutOff(PaymentFileProperties properties, BuildPaymentFiles build, Clock clock) {
        if (!properties.enabled()) {
            return List::of;
        }
        return properties
                .cutOffs()
                .<BackgroundLoop.Source>map(
                        schedule -> new PaymentFileCutOff(schedule, properties.zone(), clock, build::build))
                .orElse(List::of);
    }
}
