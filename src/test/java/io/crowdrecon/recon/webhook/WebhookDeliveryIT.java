package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.crowdrecon.recon.stream.persistence.R2dbcEventHistory;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Webhook delivery end to end (issue 24 item 1): real money events of a portal (an order paid by a matched credit) go
 * from the event log through the fan-out and the dispatcher to a real HTTP receiver on 127.0.0.1, signed (checked by
 * a verifier written here from the Standard Webhooks spec) and as CloudEvents (read by the SDK). And the receivers
 * that misbehave: 503 then 200, 410, one that hangs, a redirect to the metadata address, a 10 MB answer. The endpoint
 * is inserted in SQL (the registry's API is built beside this). Retries wait 200, 400, 800 ms (application-test.yml).
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class WebhookDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    @Fixture
    private static TestKafka kafka;

    @Fixture
    PaymentFlows flows;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    WebTestClient web;

    private final List<String> endpoints = new ArrayList<>();

    private static HttpServer server;
    private static ExecutorService threads;
    private static final Map<String, Function<HttpExchange, Integer>> behaviours = new HashMap<>();
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final CountDownLatch released = new CountDownLatch(1);

    record Received(String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                String path = exchange.getRequestURI().getPath();
                received.add(new Received(path, headers, body));
                Function<HttpExchange, Integer> behaviour;
                synchronized (behaviours) {
                    behaviour = behaviours.getOrDefault(path, e -> 200);
                }
                int status = behaviour.apply(exchange);
                if (status > 0) {
                    exchange.sendResponseHeaders(status, -1);
                }
            } catch (IOException e) {
                // The sender hung up (a hang cut at the timeout, a long answer dropped).
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Deleting an endpoint deletes its deliveries: nothing of this test is retried through the next ones. */
    @AfterEach
    void deleteEndpoints() {
        database.sql("DELETE FROM webhook_endpoint WHERE endpoint_id = ANY(:ids::text[])")
                .bind("ids", endpoints.toArray(String[]::new))
                .then()
                .block();
    }

    @AfterAll
    static void stopReceiver() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    // --- what arrives

    @Test
    void everyAskedForEventOfAPaidOrderArrivesOnceInOrderSignedAndAsTheLoggedCloudEvent() throws Exception {
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, path -> 200);
        Endpoint ordersOnly = endpoint(List.of("crowdrecon.order.status-changed.v1"), path -> 200);
        String first = flows.newOrder(Ibans.randomGerman());
        String second = flows.newOrder(Ibans.randomGerman());
        flows.pay(first, Ibans.randomGerman());
        flows.pay(second, Ibans.randomGerman());

        List<Logged> expected = logged(endpoint, WebhookEventTypes.ALL);
        assertThat(expected.stream().map(Logged::type))
                .contains("crowdrecon.order.status-changed.v1", "crowdrecon.moneyout.created.v1");
        List<Received> got = awaitDelivered(endpoint, expected.size());

        // Once each, and nothing else.
        assertThat(got.stream().map(r -> r.header("webhook-id")))
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(Logged::eventId).toList());
        Map<String, Logged> byId = expected.stream().collect(Collectors.toMap(Logged::eventId, e -> e));
        // In seq order per key (order id, moneyout id...).
        Map<String, List<Long>> seqsByKey = new LinkedHashMap<>();
        for (Received r : got) {
            Logged event = byId.get(r.header("webhook-id"));
            seqsByKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.seq());
        }
        assertThat(seqsByKey).containsKeys(first, second);
        seqsByKey.forEach(
                (key, seqs) -> assertThat(seqs).as("deliveries of %s", key).isSorted());
        for (Received r : got) {
            Logged event = byId.get(r.header("webhook-id"));
            assertThat(verifies(endpoint.secret(), r))
                    .as("signature of %s", event.eventId())
                    .isTrue();
            assertThat(r.header("content-type")).isEqualTo("application/cloudevents+json");
            assertThat(r.header("user-agent")).isEqualTo("crowdrecon-webhooks/1");
            CloudEvent cloudEvent = new JsonFormat().deserialize(r.body());
            assertThat(cloudEvent.getId()).isEqualTo(event.eventId());
            assertThat(cloudEvent.getType()).isEqualTo(event.type());
            assertThat(cloudEvent.getSubject()).isEqualTo(event.key());
            assertThat(cloudEvent.getSource().toString()).isEqualTo(event.source());
        }
        assertThat(deliveryStatuses(endpoint)).containsOnlyKeys("DELIVERED");
        // The other endpoint asked for order statuses only.
        List<Logged> orderEvents = logged(ordersOnly, List.of("crowdrecon.order.status-changed.v1"));
        assertThat(awaitDelivered(ordersOnly, orderEvents.size()).stream().map(r -> r.header("webhook-id")))
                .containsExactlyInAnyOrderElementsOf(
                        orderEvents.stream().map(Logged::eventId).toList());
    }

    @Test
    void aReceiverThatAnswers503ForItsFirstAttemptsStillGetsEverythingInOrder() {
        AtomicInteger answered = new AtomicInteger();
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> {
            if (answered.incrementAndGet() <= 4) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                return 503;
            }
            return 200;
        });
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());

        List<Logged> expected = logged(endpoint, WebhookEventTypes.ALL);
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(deliveryStatuses(endpoint))
                .containsOnlyKeys("DELIVERED")
                .containsEntry("DELIVERED", (long) expected.size()));

        // What the receiver accepted (2xx), in seq order per key; the 503s were attempts of the heads of lines.
        List<Received> accepted =
                received(endpoint).subList(4, received(endpoint).size());
        Map<String, Logged> byId = expected.stream().collect(Collectors.toMap(Logged::eventId, e -> e));
        assertThat(accepted.stream().map(r -> r.header("webhook-id")))
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        Map<String, List<Long>> seqsByKey = new LinkedHashMap<>();
        for (Received r : accepted) {
            Logged event = byId.get(r.header("webhook-id"));
            seqsByKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.seq());
        }
        seqsByKey.forEach(
                (key, seqs) -> assertThat(seqs).as("deliveries of %s", key).isSorted());
        assertThat(attemptStatuses(endpoint))
                .filteredOn(s -> s != null && s == 503)
                .hasSize(4);
        // A retry carries the same webhook-id, so that a receiver can drop what it already has.
        assertThat(received(endpoint).subList(0, 4).stream().map(r -> r.header("webhook-id")))
                .allMatch(byId::containsKey);
    }

    // --- receivers that misbehave

    @Test
    void a410DisablesTheEndpointWithAReviewItemAndItsLaterDeliveriesWait() {
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> 410);
        flows.newOrder(Ibans.randomGerman());

        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(endpointRow(endpoint))
                .containsEntry("status", "DISABLED"));
        assertThat((String) endpointRow(endpoint).get("disabled_reason")).contains("410");
        assertThat(deliveryStatuses(endpoint)).containsEntry("FAILED", 1L);
        assertThat(openReviews(endpoint)).isEqualTo(1L);

        // Another event waits, PENDING, and is not attempted.
        flows.newOrder(Ibans.randomGerman());
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(deliveryStatuses(endpoint))
                .containsKey("PENDING"));
        int attempts = received(endpoint).size();
        assertThat(attempts).isEqualTo(1);
        resolveReviews(endpoint);
    }

    @Test
    void anEndpointFailingForMoreThan3DaysIsDisabledAtItsNextFailureWithAReviewItem() {
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> 500);
        database.sql("UPDATE webhook_endpoint SET failing_since = now() - interval '4 days' WHERE endpoint_id = :id")
                .bind("id", endpoint.id())
                .then()
                .block();
        flows.newOrder(Ibans.randomGerman());

        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(endpointRow(endpoint))
                .containsEntry("status", "DISABLED"));
        assertThat((String) endpointRow(endpoint).get("disabled_reason")).contains("answered 500");
        // The delivery itself is within its own 3 days: it waits, PENDING, for the endpoint to be enabled again.
        assertThat(deliveryStatuses(endpoint)).containsOnlyKeys("PENDING");
        assertThat(received(endpoint)).hasSize(1);
        assertThat(openReviews(endpoint)).isEqualTo(1L);
        resolveReviews(endpoint);
    }

    @Test
    void aReceiverThatHangsIsCutAtTheTimeoutAndRetriedWhileAnotherEndpointKeepsReceiving() {
        Endpoint hanging = endpoint(WebhookEventTypes.ALL, exchange -> {
            awaitQuietly(released);
            return 200;
        });
        Endpoint healthy = endpoint(WebhookEventTypes.ALL, exchange -> 200);
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());

        List<Logged> expected = logged(healthy, WebhookEventTypes.ALL);
        awaitDelivered(healthy, expected.size());
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(attemptErrors(hanging))
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch("No answer within the timeout"::equals));
        assertThat(deliveryStatuses(hanging)).containsOnlyKeys("PENDING");
        // Cut at the tests' 2 s timeout, not later.
        assertThat(attempts(hanging, "latency_ms", Integer.class))
                .allSatisfy(latency -> assertThat(latency).isBetween(1900, 3000));
    }

    @Test
    void aRedirectToTheMetadataAddressIsRecordedNotFollowed() {
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            return 302;
        });
        flows.newOrder(Ibans.randomGerman());

        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(attemptStatuses(endpoint))
                .hasSizeGreaterThanOrEqualTo(1)
                .allMatch(status -> status != null && status == 302));
        assertThat(deliveryStatuses(endpoint)).containsOnlyKeys("PENDING");
        // Every request came here: none went on to the Location.
        assertThat(received(endpoint)).hasSize(attemptStatuses(endpoint).size());
    }

    @Test
    void aTenMegabyteAnswerIsRecordedAfter64Kb() {
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                exchange.sendResponseHeaders(200, 10L * 1024 * 1024);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
                out.close();
            } catch (IOException e) {
                // Dropped after 64 KB, as it should be.
            }
            return 0;
        });
        flows.newOrder(Ibans.randomGerman());

        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(deliveryStatuses(endpoint))
                .containsOnlyKeys("DELIVERED"));
        assertThat(attemptStatuses(endpoint)).containsOnly(200);
    }

    // --- the lines

    @Test
    void aDeliveryLeftWithoutATimeAtTheHeadOfItsLineIsMadeDueAndSent() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        // Registered after the order's event: the fan-out makes no delivery of it; one is made here as a head that
        // ended while the fan-out ran would leave it, with no next attempt time.
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> 200);
        Logged event = database.sql(
                        """
                        SELECT seq, event_id::text AS id, event_type, event_key, source FROM event_log
                         WHERE order_id = :order ORDER BY seq LIMIT 1""")
                .bind("order", orderId)
                .map(row -> new Logged(
                        row.get("seq", Long.class),
                        row.get("id", String.class),
                        row.get("event_type", String.class),
                        row.get("event_key", String.class),
                        row.get("source", String.class)))
                .one()
                .block();
        database.sql(
                        """
                        INSERT INTO webhook_delivery (delivery_id, endpoint_id, portal_id, event_seq, event_id,
                                                      event_type, ordering_key, status, created_at)
                        VALUES (:id, :endpoint, :portal, :seq, :eventId::uuid, :type, :key, 'PENDING', now())""")
                .bind("id", "WHD" + endpoint.id().substring(3))
                .bind("endpoint", endpoint.id())
                .bind("portal", flows.portal().portalId())
                .bind("seq", event.seq())
                .bind("eventId", event.eventId())
                .bind("type", event.type())
                .bind("key", event.key())
                .then()
                .block();

        List<Received> got = awaitDelivered(endpoint, 1);

        assertThat(got).hasSize(1);
        assertThat(got.get(0).header("webhook-id")).isEqualTo(event.eventId());
    }

    @Test
    void noMoreAttemptsAreInFlightThanTheConcurrencyAllows() {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // A slow receiver: each request is held until 16 are open at once (or 5 s have passed), so that the attempts
        // the dispatcher lets overlap do overlap here.
        CountDownLatch full = new CountDownLatch(16);
        Endpoint endpoint = endpoint(List.of("crowdrecon.order.status-changed.v1"), exchange -> {
            most.accumulateAndGet(open.incrementAndGet(), Math::max);
            full.countDown();
            try {
                full.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.decrementAndGet();
            return 200;
        });
        // Disabled while the orders are made, so that their deliveries are all due at once when it is enabled.
        setStatus(endpoint, "DISABLED");
        for (int i = 0; i < 24; i++) {
            flows.newOrder(Ibans.randomGerman());
        }
        List<Logged> expected = logged(endpoint, List.of("crowdrecon.order.status-changed.v1"));
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(deliveryStatuses(endpoint))
                .containsEntry("PENDING", (long) expected.size()));
        setStatus(endpoint, "ENABLED");

        awaitDelivered(endpoint, expected.size());

        // 24 orders, 24 lines that may go side by side: recon.webhooks.concurrency (16) at once, no more.
        assertThat(most.get()).isEqualTo(16);
    }

    // --- metrics

    @Test
    void countsTheAttemptsByOutcomeAndShowsTheBacklog() {
        Endpoint endpoint = endpoint(WebhookEventTypes.ALL, exchange -> 200);
        flows.newOrder(Ibans.randomGerman());
        awaitDelivered(endpoint, 1);

        String scrape = web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape)
                .containsPattern("(?m)^recon_webhook_backlog[ {]")
                .containsPattern("(?m)^recon_webhook_oldest_due_seconds[ {]")
                .containsPattern("(?m)^recon_webhook_fanned_out_total[ {]")
                .containsPattern("(?m)^recon_webhook_attempts_total\\{outcome=\"delivered\"");
    }

    // --- the event log's retention

    @Test
    void forgettingOldEventsKeepsThoseOfPendingDeliveries() {
        Endpoint orders = endpoint(List.of("crowdrecon.order.status-changed.v1"), exchange -> 200);
        Endpoint moneyouts = endpoint(List.of("crowdrecon.moneyout.created.v1"), exchange -> 503);
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());
        List<Logged> delivered = logged(orders, List.of("crowdrecon.order.status-changed.v1"));
        awaitDelivered(orders, delivered.size());
        List<Logged> pending = logged(moneyouts, List.of("crowdrecon.moneyout.created.v1"));
        assertThat(pending).isNotEmpty();
        long last = pending.get(pending.size() - 1).seq();
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            assertThat(deliveryStatuses(moneyouts)).containsEntry("PENDING", (long) pending.size());
            assertThat(seqOf("relay_lease")).isGreaterThanOrEqualTo(last);
        });

        // Everything older than a minute from now, in a transaction rolled back: the other tests' log stays whole.
        List<Long> kept = transaction
                .execute(status -> {
                    status.setRollbackOnly();
                    return new R2dbcEventHistory(database)
                            .forgetOlderThan(Instant.now().plusSeconds(60))
                            .thenMany(database.sql("SELECT seq FROM event_log WHERE portal_id = :portal ORDER BY seq")
                                    .bind("portal", flows.portal().portalId())
                                    .map(row -> row.get(0, Long.class))
                                    .all());
                })
                .collectList()
                .block();

        assertThat(kept)
                .containsExactlyElementsOf(pending.stream().map(Logged::seq).toList());
    }

    private void setStatus(Endpoint endpoint, String status) {
        database.sql("UPDATE webhook_endpoint SET status = :status WHERE endpoint_id = :id")
                .bind("status", status)
                .bind("id", endpoint.id())
                .then()
                .block();
    }

    private long seqOf(String lease) {
        return database.sql("SELECT last_seq FROM " + lease + " WHERE id = 1")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    // --- the endpoint, inserted as the registry will

    record Endpoint(String id, String path, String secret) {}

    private Endpoint endpoint(List<String> types, Function<HttpExchange, Integer> behaviour) {
        String id = "WHE"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String path = "/hooks/" + id;
        String secret = WebhookSecret.generate(new SecureRandom());
        synchronized (behaviours) {
            behaviours.put(path, behaviour);
        }
        database.sql(
                        """
                        INSERT INTO webhook_endpoint (endpoint_id, portal_id, url, event_types, status, secret, from_seq,
                                                      created_at, updated_at)
                        SELECT :id, :portal, :url, :types::text[], 'ENABLED', :secret, last_seq, now(), now()
                          FROM event_sequence WHERE id = 1""")
                .bind("id", id)
                .bind("portal", flows.portal().portalId())
                .bind("url", "http://127.0.0.1:" + server.getAddress().getPort() + path)
                .bind("types", types.toArray(String[]::new))
                .bind("secret", secret)
                .then()
                .block();
        endpoints.add(id);
        return new Endpoint(id, path, secret);
    }

    private List<Received> received(Endpoint endpoint) {
        return received.stream().filter(r -> r.path().equals(endpoint.path())).toList();
    }

    /** Waits until {@code count} requests reached the endpoint and every delivery of it ended; answers them. */
    private List<Received> awaitDelivered(Endpoint endpoint, int count) {
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            assertThat(received(endpoint)).hasSizeGreaterThanOrEqualTo(count);
            assertThat(deliveryStatuses(endpoint)).containsOnlyKeys("DELIVERED");
        });
        return received(endpoint);
    }

    record Logged(long seq, String eventId, String type, String key, String source) {}

    /** The events of the endpoint's portal logged since it was registered, of these types, in seq order. */
    private List<Logged> logged(Endpoint endpoint, List<String> types) {
        return database.sql(
                        """
                        SELECT seq, event_id::text AS id, event_type, event_key, source FROM event_log
                         WHERE portal_id = :portal AND event_type = ANY(:types::text[])
                           AND seq > (SELECT from_seq FROM webhook_endpoint WHERE endpoint_id = :endpoint)
                         ORDER BY seq""")
                .bind("portal", flows.portal().portalId())
                .bind("types", types.toArray(String[]::new))
                .bind("endpoint", endpoint.id())
                .map(row -> new Logged(
                        row.get("seq", Long.class),
                        row.get("id", String.class),
                        row.get("event_type", String.class),
                        row.get("event_key", String.class),
                        row.get("source", String.class)))
                .all()
                .collectList()
                .block();
    }

    private Map<String, Long> deliveryStatuses(Endpoint endpoint) {
        return database.sql(
                        "SELECT status, count(*) AS n FROM webhook_delivery WHERE endpoint_id = :id GROUP BY status")
                .bind("id", endpoint.id())
                .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
    }

    private List<Integer> attemptStatuses(Endpoint endpoint) {
        return attempts(endpoint, "status_code", Integer.class);
    }

    private List<String> attemptErrors(Endpoint endpoint) {
        return attempts(endpoint, "error", String.class);
    }

    private <T> List<T> attempts(Endpoint endpoint, String column, Class<T> type) {
        return database.sql("SELECT a." + column + " AS v FROM webhook_attempt a"
                        + " JOIN webhook_delivery d ON d.delivery_id = a.delivery_id"
                        + " WHERE d.endpoint_id = :id ORDER BY a.attempted_at")
                .bind("id", endpoint.id())
                .map(row -> java.util.Optional.ofNullable(row.get("v", type)))
                .all()
                .map(value -> value.orElse(null))
                .collectList()
                .block();
    }

    private Map<String, Object> endpointRow(Endpoint endpoint) {
        return database.sql(
                        "SELECT status, disabled_reason, failing_since FROM webhook_endpoint WHERE endpoint_id = :id")
                .bind("id", endpoint.id())
                .fetch()
                .one()
                .block();
    }

    private long openReviews(Endpoint endpoint) {
        return database.sql(
                        """
                        SELECT count(*) FROM review_item
                         WHERE kind = 'WEBHOOK_ENDPOINT_DISABLED' AND subject_id = :id AND status = 'OPEN'""")
                .bind("id", endpoint.id())
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    /** The books check after each test looks at money; an open item of this test's endpoint is closed here. */
    private void resolveReviews(Endpoint endpoint) {
        database.sql(
                        """
                        UPDATE review_item SET status = 'RESOLVED', resolved_at = now(), note = 'test'
                         WHERE kind = 'WEBHOOK_ENDPOINT_DISABLED' AND subject_id = :id""")
                .bind("id", endpoint.id())
                .then()
                .block();
    }

    /** Standard Webhooks v1, from the spec: base64 HMAC-SHA256 of "id.timestamp.body" under the secret's bytes. */
    private static boolean verifies(String secret, Received request) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        long skew = Math.abs(OffsetDateTime.now().toEpochSecond() - Long.parseLong(timestamp));
        if (skew > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(request.body());
        for (String signature : request.header("webhook-signature").split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
