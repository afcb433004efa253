package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The API's edges: authentication, size limit, problem+json errors, idempotency. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebFluxConfigurer {

    private final JsonMapper json;

    public WebConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver());
    }

    /**
     * Every reader of a request body (JSON, bytes, text) buffers at most 1 MB, declared length or chunked, and JSON
     * bodies are read by {@link RequestJson}. Runs after Spring Boot's codec customizers, which it overrides.
     */
    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize(Math.toIntExact(RequestSizeLimitFilter.MAX_BODY_BYTES));
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(RequestJson.mapper(json)));
    }

    /** Path ids and Accept checked before a handler runs ({@link ApiHandlerMapping}). */
    @Bean
    WebFluxRegistrations apiHandlerMapping() {
        return new WebFluxRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new ApiHandlerMapping();
            }
        };
    }

    /** Requests Reactor Netty refuses itself get a problem document too ({@link DecodingFailureProblems}). */
    @Bean
    NettyServerCustomizer decodingFailureProblems(ObjectMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(
                                NettyPipeline.HttpCodec,
                                DecodingFailureProblems.NAME,
                                new DecodingFailureProblems(json));
            }
        });
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
            OpsApiKey opsKey,
            CallerResolver portals,
            OperatorResolver operators,
            OpsSessions sessions,
            ObjectMapper json) {
        return new ApiKeyAuthenticationFilter(opsKey.hash(), portals, operators, sessions, json);
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
    HeadOfEventStreamsFilter headOfEventStreamsFilter() {
        return new HeadOfEventStreamsFilter();
    }

    @Bean
    RequestTextFilter requestTextFilter(ObjectMapper json) {
        return new RequestTextFilter(json);
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
