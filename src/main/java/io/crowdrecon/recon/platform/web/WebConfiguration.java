package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.ObjectMapper;

/** The API's edges: authentication, size limit, problem+json errors, idempotency. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver());
    }

    @Bean
    OpsApiKey opsApiKey(@Value("${recon.ops-api-key:}") String configured, SecureRandom random) {
        return OpsApiKey.configuredOrGenerated(configured, random);
    }

    @Bean
    OpsSessions opsSessions(DatabaseClient database, SecureRandom random, Clock clock, OpsApiKey opsKey) {
        return new OpsSessions(database, random, clock, opsKey.hash());
    }

    @Bean
    ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(
            OpsApiKey opsKey, CallerResolver portals, OpsSessions sessions, ObjectMapper json) {
        return new ApiKeyAuthenticationFilter(opsKey.hash(), portals, sessions, json);
    }

    @Bean
    ClasspathContentOffEventLoopFilter classpathContentOffEventLoopFilter() {
        return new ClasspathContentOffEventLoopFilter();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(ObjectMapper json) {
        return new RequestSizeLimitFilter(json);
    }

    @Bean
    ApiErrorHandler apiErrorHandler(ObjectMapper json) {
        return new ApiErrorHandler(json);
    }

    @Bean
    IdempotentRequests idempotentRequests(
            DatabaseClient database, Transactions transactions, ObjectMapper json, Clock clock) {
        return new IdempotentRequests(database, transactions, json, clock);
    }
}
