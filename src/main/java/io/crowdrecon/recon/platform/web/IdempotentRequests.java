package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Transactions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on POST (SPEC.md section 7): scoped to the caller's key, kept 24 hours.
 * The key is claimed, the action runs and its answer is stored in ONE transaction, so a crash can
 * never leave a request done but unrecorded, nor recorded but not done; a concurrent request with
 * the same key waits on the claim and then replays. Failed actions store nothing.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    static final String KEY_SHAPE = "Idempotency-Key must be 1 to 255 visible ASCII characters";

    private static final String CLAIM =
            """
            INSERT INTO idempotent_request (caller_key_hash, idempotency_key, request_hash, response_status,
                                            replayable, created_at)
            VALUES (:caller, :key, :hash, 0, :replayable, :now)
            ON CONFLICT (caller_key_hash, idempotency_key) DO UPDATE
               SET request_hash = EXCLUDED.request_hash, response_status = 0, response_body = NULL,
                   location = NULL, replayable = EXCLUDED.replayable, created_at = EXCLUDED.created_at
             WHERE idempotent_request.created_at < :expiredBefore
            RETURNING 1
            """;

    private final DatabaseClient database;
    private final Transactions transactions;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(DatabaseClient database, Transactions transactions, ObjectMapper json, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code action} at most once per (caller key, Idempotency-Key); without the header it just runs.
     *
     * @param request the parsed body, re-serialised to compare requests (whitespace does not matter)
     * @param replayable false when the answer must never be shown twice (issued secrets): a replay
     *     then answers 409 {@code API_KEY_ALREADY_ISSUED}
     */
    public Mono<ResponseEntity<Object>> run(
            ServerWebExchange exchange,
            Caller caller,
            @Nullable Object request,
            boolean replayable,
            Supplier<Mono<ResponseEntity<Object>>> action) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null) {
            return Mono.defer(action);
        }
        if (!isWellFormedKey(key)) {
            return Mono.error(new DomainException(ErrorCode.INVALID_PARAMETER, KEY_SHAPE));
        }
        byte[] requestHash = requestHash(exchange, request);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return transactions.inTransaction(() -> database.sql(CLAIM)
                .bind("caller", caller.keyHash())
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("replayable", replayable)
                .bind("now", now)
                .bind("expiredBefore", now.minus(RETENTION))
                .map(row -> Boolean.TRUE)
                .one()
                .hasElement()
                .flatMap(claimed -> claimed
                        ? Mono.defer(action).flatMap(response -> record(caller, key, response))
                        : replay(caller, key, requestHash)));
    }

    /** 1 to 255 visible ASCII characters; checked at the edge for every request ({@link RequestTextFilter}). */
    static boolean isWellFormedKey(String key) {
        return !key.isEmpty() && RequestTextFilter.isVisibleAscii(key, 255);
    }

    private Mono<ResponseEntity<Object>> record(Caller caller, String key, ResponseEntity<Object> response) {
        URI location = response.getHeaders().getLocation();
        String body = response.getBody() == null ? null : json.writeValueAsString(response.getBody());
        return database.sql(
                        """
                        UPDATE idempotent_request SET response_status = :status, response_body = :body, location = :location
                         WHERE caller_key_hash = :caller AND idempotency_key = :key
                        """)
                .bind("status", response.getStatusCode().value())
                .bind("body", Sql.nullable(body, String.class))
                .bind("location", Sql.nullable(location == null ? null : location.toString(), String.class))
                .bind("caller", caller.keyHash())
                .bind("key", key)
                .then()
                .thenReturn(response);
    }

    private Mono<ResponseEntity<Object>> replay(Caller caller, String key, byte[] requestHash) {
        return database.sql(
                        """
                        SELECT request_hash, response_status, response_body, location, replayable
                          FROM idempotent_request WHERE caller_key_hash = :caller AND idempotency_key = :key
                        """)
                .bind("caller", caller.keyHash())
                .bind("key", key)
                .map(row -> new Stored(
                        row.get("request_hash", byte[].class),
                        row.get("response_status", Integer.class),
                        row.get("response_body", String.class),
                        row.get("location", String.class),
                        Boolean.TRUE.equals(row.get("replayable", Boolean.class))))
                .one()
                .flatMap(stored -> {
                    if (!MessageDigest.isEqual(stored.requestHash(), requestHash)) {
                        return Mono.error(new DomainException(
                                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used with a different request"));
                    }
                    if (stored.status() == 0) {
                        return Mono.error(new DomainException(
                                ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                                "The first request with this Idempotency-Key has not finished"));
                    }
                    if (!stored.replayable()) {
                        return Mono.error(new DomainException(
                                ErrorCode.API_KEY_ALREADY_ISSUED,
                                "This request was already applied; its secrets are shown only once"));
                    }
                    ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status())
                            .header(REPLAYED_HEADER, "true")
                            .contentType(MediaType.APPLICATION_JSON);
                    if (stored.location() != null) {
                        builder.header(HttpHeaders.LOCATION, stored.location());
                    }
                    return Mono.just(
                            stored.body() == null ? builder.build() : builder.body(json.readTree(stored.body())));
                });
    }

    private byte[] requestHash(ServerWebExchange exchange, @Nullable Object request) {
        String canonical = exchange.getRequest().getMethod().name() + " "
                + exchange.getRequest().getPath().pathWithinApplication().value() + "\n"
                + (request == null ? "" : json.writeValueAsString(request));
        return ApiKeys.sha256(new String(canonical.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    private record Stored(byte[] requestHash, int status, String body, String location, boolean replayable) {}
}
