package io.crowdrecon.recon.operator.persistence;

import io.crowdrecon.recon.operator.Operator;
import io.crowdrecon.recon.operator.OperatorRole;
import io.crowdrecon.recon.operator.Operators;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.OperatorResolver;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcOperators implements Operators, OperatorResolver {

    private static final String COLUMNS = "operator_id, name, role, disabled, created_at, created_by";

    private final DatabaseClient database;

    public R2dbcOperators(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Operator> add(Operator operator, byte[] keyHash) {
        return database.sql(
                        """
                        INSERT INTO operator (operator_id, name, role, disabled, key_hash, created_at, created_by)
                        VALUES (:id, :name, :role, :disabled, :keyHash, :createdAt, :createdBy)""")
                .bind("id", operator.operatorId().value())
                .bind("name", operator.name())
                .bind("role", operator.role().name())
                .bind("disabled", operator.disabled())
                .bind("keyHash", keyHash)
                .bind("createdAt", Objects.requireNonNull(Sql.timestamp(operator.createdAt())))
                .bind("createdBy", operator.createdBy().value())
                .then()
                .thenReturn(operator);
    }

    @Override
    public Mono<Operator> byId(OperatorId operatorId) {
        return database.sql("SELECT " + COLUMNS + " FROM operator WHERE operator_id = :id")
                .bind("id", operatorId.value())
                .map(R2dbcOperators::operator)
                .one();
    }

    @Override
    public Mono<Page<Operator>> page(PageRequest page) {
        Mono<Long> total = database.sql("SELECT count(*) FROM operator")
                .map(row -> Objects.requireNonNull(row.get(0, Long.class)))
                .one();
        Mono<List<Operator>> operators = database.sql("SELECT " + COLUMNS
                        + " FROM operator ORDER BY created_at DESC, operator_id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcOperators::operator)
                .all()
                .collectList();
        return Mono.zip(operators, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    @Override
    public Mono<Operator> setDisabled(OperatorId operatorId, boolean disabled) {
        return database.sql("UPDATE operator SET disabled = :disabled WHERE operator_id = :id RETURNING " + COLUMNS)
                .bind("disabled", disabled)
                .bind("id", operatorId.value())
                .map(R2dbcOperators::operator)
                .one();
    }

    @Override
    public Mono<Caller.Operator> operatorForKeyHash(byte[] keyHash) {
        return database.sql("SELECT " + COLUMNS + " FROM operator WHERE key_hash = :hash AND NOT disabled")
                .bind("hash", keyHash)
                .map(R2dbcOperators::caller)
                .one();
    }

    @Override
    public Mono<Caller.Operator> enabledOperator(String operatorId) {
        return database.sql("SELECT " + COLUMNS + " FROM operator WHERE operator_id = :id AND NOT disabled")
                .bind("id", operatorId)
                .map(R2dbcOperators::caller)
                .one();
    }

    private static Caller.Operator caller(Readable row) {
        return new Caller.Operator(text(row, "operator_id"), text(row, "name"), text(row, "role"));
    }

    private static Operator operator(Readable row) {
        return new Operator(
                OperatorId.of(text(row, "operator_id")),
                text(row, "name"),
                OperatorRole.valueOf(text(row, "role")),
                Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
                Objects.requireNonNull(
                        Sql.instant(Objects.requireNonNull(row.get("created_at", OffsetDateTime.class)))),
                OperatorId.of(text(row, "created_by")));
    }

    private static String text(Readable row, String column) {
        return Objects.requireNonNull(row.get(column, String.class), column);
    }
}
