package io.crowdrecon.recon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.platform.web.OpsSessions;
import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A dashboard session lives only under the ops key that opened it: when the service restarts with another
 * {@code RECON_OPS_API_KEY}, the sessions of the old key end and their operators sign in again with the new one.
 * The restart is a second instance of the service on the same database, started with a new key.
 */
@ReconIntegrationTest
class DashboardSessionIT {

    private static final String NEW_KEY = "a-new-ops-key-" + UUID.randomUUID();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void endsTheSessionsOfTheOldKeyWhenTheServiceRestartsWithANewOne() {
        String oldSession = signIn(web, ApiClient.OPS_KEY);
        stats(web, oldSession).expectStatus().isOk();

        try (SecondInstance restarted = SecondInstance.start(Map.of("recon.ops-api-key", NEW_KEY))) {
            WebTestClient underNewKey = restarted.web();

            stats(underNewKey, oldSession)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("UNAUTHORIZED");
            signInWith(underNewKey, ApiClient.OPS_KEY).expectStatus().isUnauthorized();
            String newSession = signIn(underNewKey, NEW_KEY);
            stats(underNewKey, newSession).expectStatus().isOk();
            // The instance still on the old key does not take the new key's session either.
            stats(web, newSession).expectStatus().isUnauthorized();
        }
    }

    @Test
    void acceptsASessionOnlyUnderTheKeyThatOpenedItAndNoneStoredWithoutAKey() {
        OpsSessions underOldKey = sessions("an-old-key");
        OpsSessions underNewKey = sessions("a-new-key");

        String openedUnderOld = underOldKey.open().block(Duration.ofSeconds(10));
        String openedUnderNew = underNewKey.open().block(Duration.ofSeconds(10));
        String fromBeforeSessionsHadAKey = storedWithoutAKey();

        assertThat(valid(underOldKey, openedUnderOld)).isTrue();
        assertThat(valid(underNewKey, openedUnderOld)).isFalse();
        assertThat(valid(underNewKey, openedUnderNew)).isTrue();
        assertThat(valid(underOldKey, openedUnderNew)).isFalse();
        assertThat(valid(underOldKey, fromBeforeSessionsHadAKey)).isFalse();
        assertThat(valid(underNewKey, fromBeforeSessionsHadAKey)).isFalse();
    }

    private OpsSessions sessions(String opsKey) {
        return new OpsSessions(database, new SecureRandom(), Clock.systemUTC(), ApiKeys.sha256(opsKey));
    }

    private static boolean valid(OpsSessions sessions, String token) {
        return sessions.isValid(ApiKeys.sha256(token)).block(Duration.ofSeconds(10));
    }

    /** A live session row as the service wrote them before sessions were bound to a key. */
    private String storedWithoutAKey() {
        String token = UUID.randomUUID().toString();
        Instant now = Instant.now();
        database.sql("INSERT INTO ops_session (token_hash, created_at, expires_at) VALUES (:hash, :now, :expires)")
                .bind("hash", ApiKeys.sha256(token))
                .bind("now", Sql.timestamp(now))
                .bind("expires", Sql.timestamp(now.plus(OpsSessions.LIFETIME)))
                .then()
                .block(Duration.ofSeconds(10));
        return token;
    }

    private static WebTestClient.ResponseSpec signInWith(WebTestClient client, String key) {
        return client.post()
                .uri("/ops/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("key", key))
                .exchange();
    }

    /** Signs in on the dashboard; returns the session cookie's value. */
    private static String signIn(WebTestClient client, String key) {
        ResponseCookie cookie = signInWith(client, key)
                .expectStatus()
                .isNoContent()
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst(OpsSessions.COOKIE);
        assertThat(cookie).as("the session cookie").isNotNull();
        return cookie.getValue();
    }

    /** What the dashboard asks for, with its session cookie and no key. */
    private static WebTestClient.ResponseSpec stats(WebTestClient client, String session) {
        return client.get()
                .uri("/api/v1/ops/stats")
                .cookie(OpsSessions.COOKIE, session)
                .exchange();
    }
}
