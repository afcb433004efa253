package io.crowdrecon.recon.platform.config;

import io.crowdrecon.recon.platform.persistence.ReactiveTransactions;
import io.crowdrecon.recon.platform.resilience.InfrastructureBreakers;
import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.r2dbc.spi.ConnectionFactory;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** Cross-cutting beans: clock, randomness, transactions, the event log and JSON rules. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** Microsecond ticks: PostgreSQL keeps microseconds, so a resource reads back exactly as it was answered. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * Seeded once here, at start: a DRBG never touches /dev/urandom again on an event-loop thread
     * (NativePRNG would, and BlockHound rightly flags it).
     */
    @Bean
    SecureRandom secureRandom() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("DRBG");
        random.nextBytes(new byte[32]);
        return random;
    }

    /** The one runner of every capability's background loops. */
    @Bean
    BackgroundLoops backgroundLoops(List<BackgroundLoop.Source> sources) {
        return new BackgroundLoops(sources);
    }

    @Bean
    IdGenerator idGenerator() {
        return IdGenerator.threadLocal();
    }

    @Bean
    TransactionalOperator transactionalOperator(ConnectionFactory connectionFactory) {
        return TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
    }

    @Bean
    Transactions transactions(TransactionalOperator operator, InfrastructureBreakers breakers) {
        return new ReactiveTransactions(operator, breakers);
    }

    /**
     * Money in JSON: numbers parsed from their text straight into BigDecimal and written in plain
     * notation; no coercion from strings or booleans; unknown fields and trailing tokens rejected.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .withCoercionConfig(LogicalType.Float, PlatformConfiguration::onlyNativeShape)
                .withCoercionConfig(LogicalType.Integer, PlatformConfiguration::onlyNativeShape)
                .withCoercionConfig(LogicalType.Boolean, PlatformConfiguration::onlyNativeShape)
                .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(
                                CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** "1100" is not an amount and "true" is not a boolean: wrong JSON types answer 400. */
    private static void onlyNativeShape(tools.jackson.databind.cfg.MutableCoercionConfig config) {
        config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
