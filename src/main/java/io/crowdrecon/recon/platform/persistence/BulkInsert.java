package io.crowdrecon.recon.platform.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One INSERT for many rows: each column travels as one text array and is cast back in SQL
 * ({@code unnest(:c0::text[], :c1::numeric[], …)}), so a batch costs one round trip per table and
 * the statement text is the same whatever the batch size (the server caches its plan).
 */
public final class BulkInsert<T> {

    private record Column<T>(String name, String sqlType, Function<T, String> value) {}

    private final String table;
    private final List<T> rows;
    private final List<Column<T>> columns = new ArrayList<>();
    private String suffix = "";

    private BulkInsert(String table, List<T> rows) {
        this.table = table;
        this.rows = rows;
    }

    public static <T> BulkInsert<T> into(String table, List<T> rows) {
        return new BulkInsert<>(table, rows);
    }

    public BulkInsert<T> text(String column, Function<T, String> value) {
        columns.add(new Column<>(column, "text", value));
        return this;
    }

    /** A typed id's column ({@code Row::refundId, RefundId::value}): null where a row has no such id. */
    public <I> BulkInsert<T> id(String column, Function<T, @Nullable I> id, Function<I, String> value) {
        columns.add(new Column<>(column, "text", row -> {
            I typed = id.apply(row);
            return typed == null ? null : value.apply(typed);
        }));
        return this;
    }

    public BulkInsert<T> integer(String column, Function<T, Integer> value) {
        columns.add(new Column<>(column, "int", row -> {
            Integer number = value.apply(row);
            return number == null ? null : number.toString();
        }));
        return this;
    }

    public BulkInsert<T> numeric(String column, Function<T, BigDecimal> value) {
        columns.add(new Column<>(column, "numeric", row -> plain(value.apply(row))));
        return this;
    }

    public BulkInsert<T> timestamp(String column, Function<T, Instant> value) {
        columns.add(new Column<>(column, "timestamptz", row -> {
            Instant instant = value.apply(row);
            return instant == null ? null : instant.toString();
        }));
        return this;
    }

    public BulkInsert<T> date(String column, Function<T, LocalDate> value) {
        columns.add(new Column<>(column, "date", row -> {
            LocalDate date = value.apply(row);
            return date == null ? null : date.toString();
        }));
        return this;
    }

    public BulkInsert<T> enumName(String column, Function<T, ? extends Enum<?>> value) {
        columns.add(new Column<>(column, "text", row -> {
            Enum<?> constant = value.apply(row);
            return constant == null ? null : constant.name();
        }));
        return this;
    }

    /** Appended to the statement, e.g. {@code ON CONFLICT (dedupe_key) DO NOTHING}. */
    public BulkInsert<T> onConflict(String clause) {
        this.suffix = " " + clause;
        return this;
    }

    String sql() {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                arrays.append(", ");
            }
            arrays.append(":c")
                    .append(i)
                    .append("::")
                    .append(columns.get(i).sqlType())
                    .append("[]");
        }
        return "INSERT INTO " + table + " (" + names + ") SELECT * FROM unnest(" + arrays + ")" + suffix;
    }

    /** Inserts every row; emits the number of rows inserted (0 for no rows, without a round trip). */
    public Mono<Long> execute(DatabaseClient database) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql());
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = column.value().apply(rows.get(r));
            }
            statement = statement.bind("c" + i, values);
        }
        return statement.fetch().rowsUpdated();
    }

    @Contract("null -> null; !null -> !null")
    private static @Nullable String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
