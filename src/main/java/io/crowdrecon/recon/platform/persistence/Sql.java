package io.crowdrecon.recon.platform.persistence;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Small helpers for hand-written SQL over Spring's DatabaseClient. */
public final class Sql {

    private Sql() {}

    /** A bind value that may be null (DatabaseClient needs the type to bind a null). */
    public static Parameter nullable(@Nullable Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : Parameters.in(value);
    }

    /** PostgreSQL timestamptz from an Instant (UTC). */
    @Contract("null -> null; !null -> !null")
    public static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Parameter nullableTimestamp(@Nullable Instant instant) {
        return nullable(timestamp(instant), OffsetDateTime.class);
    }

    /** The names of enum constants as a text[] bind value, sorted (for {@code status = ANY(:from::text[])}). */
    public static String[] names(Collection<? extends Enum<?>> constants) {
        return constants.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    @Contract("null -> null; !null -> !null")
    public static @Nullable Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * The typed id in a column that may be null ({@code Sql.id(row.get("refund_id", String.class), RefundId::new)}). A blank
     * value names no id: rows written before ids were typed may hold {@code ''} where a producer sent an empty header, and
     * reading one must not fail the whole page.
     */
    public static <I> @Nullable I id(@Nullable String value, Function<String, I> wrap) {
        return value == null || value.isBlank() ? null : wrap.apply(value);
    }

    /** Whether the query answers a row: emits true, or false when it answers none; errors if it answers several. */
    public static Mono<Boolean> exists(DatabaseClient.GenericExecuteSpec query) {
        return query.map(row -> true).one().defaultIfEmpty(false);
    }
}
