package io.crowdrecon.recon.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.HalfSentRequest;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.crowdrecon.recon.testing.TestPortal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits at the API's edge, on a service with small ones ({@code recon.resilience.requests-per-second=5},
 * {@code concurrent-writes=1}): the 6th request in a second with one key answers 429 {@code RATE_LIMITED} with
 * {@code Retry-After} while another key goes through; a write while the only write slot is taken answers 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}. The service runs as a JVM of its own, as in production: a
 * second application context in the test JVM shares Reactor Netty's global event loops with the first one.
 */
class EdgeLimitsIT {

    private static ServiceProcess limited;
    private static ApiClient api;

    @BeforeAll
    static void startAServiceWithSmallLimits() {
        limited = ServiceProcess.create(
                "--recon.resilience.requests-per-second=5", "--recon.resilience.concurrent-writes=1");
        limited.startAndAwaitHealthy();
        api = limited.api();
    }

    @AfterAll
    static void stopIt() {
        limited.close();
    }

    /**
     * A portal made through the limited service itself, whose ops key has the same 5 requests a second as any
     * other: the setup of two tests in one second exceeds them, so it waits them out as a client honouring
     * Retry-After does.
     */
    private static TestPortal newPortal() {
        AtomicReference<TestPortal> made = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1100))
                .untilAsserted(() -> made.set(api.newPortal()));
        return made.get();
    }

    private static WebTestClient limitedClient() {
        return limited.web();
    }

    @Test
    void answersTheSixthRequestInASecondWithOneKey429WithRetryAfterAndLetsAnotherKeyThrough() {
        TestPortal first = newPortal();
        TestPortal second = newPortal();
        WebTestClient client = limitedClient();
        assertThat(status(client, second.apiKey()))
                .as("the other key, known to the instance")
                .isEqualTo(200);

        // The limiter's seconds start when it was created, not at our first request: find the start of one (the
        // first request let through after a refusal), then send five more at once. Retried if this machine was too
        // slow to send six requests within the second.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> status(client, first.apiKey()) == 429);
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> status(client, first.apiKey()) == 200);
            long started = System.nanoTime();
            List<Integer> next = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                next.add(status(client, first.apiKey()));
            }
            EntityExchangeResult<JsonNode> sixth = get(client, first.apiKey());
            EntityExchangeResult<JsonNode> otherKey = get(client, second.apiKey());
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("time to send them")
                    .isLessThan(Duration.ofMillis(800));

            assertThat(next).as("requests 2 to 5 of the second").containsOnly(200);
            assertThat(sixth.getStatus().value()).as("the 6th request").isEqualTo(429);
            assertThat(sixth.getResponseHeaders().getContentType())
                    .isNotNull()
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(sixth.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .as("Retry-After")
                    .isNotBlank();
            assertThat(sixth.getResponseBody().get("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(otherKey.getStatus().value())
                    .as("another key in the same second")
                    .isEqualTo(200);
        });
    }

    @Test
    void answersAWriteWhileTheOnlyWriteSlotIsTaken503WithRetryAfter() {
        TestPortal holder = newPortal();
        TestPortal other = newPortal();
        WebTestClient client = limitedClient();
        String investor = JsonMapper.builder().build().writeValueAsString(investor());

        try (HalfSentRequest slow = HalfSentRequest.post(
                URI.create(limited.baseUrl()).getPort(), "/api/v1/investors", holder.apiKey(), investor)) {
            // The slow write holds the slot once the server has read its headers; until then a write may pass.
            List<EntityExchangeResult<JsonNode>> refused = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        EntityExchangeResult<JsonNode> answer = postInvestor(client, other.apiKey());
                        assertThat(answer.getStatus().value()).isIn(201, 503);
                        refused.add(answer);
                        return answer.getStatus().value() == 503;
                    });
            EntityExchangeResult<JsonNode> write = refused.get(refused.size() - 1);
            assertThat(write.getResponseHeaders().getContentType())
                    .isNotNull()
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(write.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .as("Retry-After")
                    .isNotBlank();
            assertThat(write.getResponseBody().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(status(client, other.apiKey())).as("a read meanwhile").isEqualTo(200);

            assertThat(slow.finish())
                    .as("the slow write, once its body has arrived")
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(
                                postInvestor(client, other.apiKey()).getStatus().value())
                        .as("a write once the slot is free")
                        .isEqualTo(201));
    }

    private static int status(WebTestClient client, String apiKey) {
        return get(client, apiKey).getStatus().value();
    }

    private static EntityExchangeResult<JsonNode> get(WebTestClient client, String apiKey) {
        return client.get()
                .uri("/api/v1/campaigns?size=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private static EntityExchangeResult<JsonNode> postInvestor(WebTestClient client, String apiKey) {
        return client.post()
                .uri("/api/v1/investors")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(investor())
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private static Map<String, Object> investor() {
        return Map.of(
                "name",
                "Anna",
                "surname",
                "Bianchi",
                "fiscalCode",
                "BNCNNA80A41H501U",
                "type",
                "NATURAL_PERSON",
                "email",
                "anna.bianchi@example.org");
    }
}
