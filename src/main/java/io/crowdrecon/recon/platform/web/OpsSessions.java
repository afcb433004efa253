package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.ApiKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Dashboard sessions: random 256-bit tokens, stored as SHA-256, valid for 8 hours, and only under the
 * ops key that opened them: each is stored with that key's SHA-256, so that a service restarted with
 * another {@code RECON_OPS_API_KEY} ends every session of the old one. A session remembers whose it is (the
 * operator's id, none for the bootstrap administrator), so that the dashboard's calls are that operator's.
 */
public class OpsSessions {

    public static final String COOKIE = "recon_ops_session";
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final DatabaseClient database;
    private final SecureRandom random;
    private final Clock clock;
    private final byte[] opsKeyHash;

    /** {@code opsKeyHash}: the SHA-256 of the current ops key, which opens sessions and which they need. */
    public OpsSessions(DatabaseClient database, SecureRandom random, Clock clock, byte[] opsKeyHash) {
        this.database = database;
        this.random = random;
        this.clock = clock;
        this.opsKeyHash = opsKeyHash.clone();
    }

    /** Opens a session of the bootstrap administrator; emits its token (to put in the cookie, nowhere else). */
    public Mono<String> open() {
        return open(null);
    }

    /**
     * Opens a session of the named operator ({@code null}: the bootstrap administrator); emits its token (to put in
     * the cookie, nowhere else).
     */
    public Mono<String> open(@Nullable String operatorId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        return database.sql("DELETE FROM ops_session WHERE expires_at < :now")
                .bind("now", Sql.timestamp(now))
                .then()
                .then(database.sql(
                                """
                                INSERT INTO ops_session (token_hash, created_at, expires_at, ops_key_hash, operator_id)
                                VALUES (:hash, :now, :expires, :opsKey, :operator)""")
                        .bind("operator", Sql.nullable(operatorId, String.class))
                        .bind("hash", ApiKeys.sha256(token))
                        .bind("opsKey", opsKeyHash)
                        .bind("now", Sql.timestamp(now))
                        .bind("expires", Sql.timestamp(now.plus(LIFETIME)))
                        .then())
                .thenReturn(token);
    }

    /** Whether the token is a live session opened under the current ops key. */
    public Mono<Boolean> isValid(byte[] tokenHash) {
        return operatorOf(tokenHash).hasElement();
    }

    /**
     * Whose live session, opened under the current ops key, the token is: the operator's id, or an empty Optional for
     * the bootstrap administrator; completes empty when the token is no live session. Whether that operator is still
     * enabled is the caller's check ({@link OperatorResolver}).
     */
    public Mono<Optional<String>> operatorOf(byte[] tokenHash) {
        // A session from before sessions were bound to a key (ops_key_hash NULL) never equals it.
        return database.sql(
                        """
                        SELECT operator_id FROM ops_session
                         WHERE token_hash = :hash AND expires_at > :now AND ops_key_hash = :opsKey""")
                .bind("hash", tokenHash)
                .bind("opsKey", opsKeyHash)
                .bind("now", Sql.timestamp(clock.instant()))
                .map(row -> Optional.ofNullable(row.get("operator_id", String.class)))
                .one();
    }

    public Mono<Void> close(String token) {
        return database.sql("DELETE FROM ops_session WHERE token_hash = :hash")
                .bind("hash", ApiKeys.sha256(token))
                .then();
    }
}
