package io.crowdrecon.recon.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.WireAmounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@ReconIntegrationTest
class OrderEventStreamIT {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient web;

    @Autowired
    ObjectMapper json;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConfigurableApplicationContext context;

    TestPortal portal;
    String campaign;
    String investor;

    @BeforeEach
    void setUp() {
        portal = new ApiClient(web).newPortal();
        campaign = portal.openCampaign();
        investor = portal.investor();
    }

    @Test
    void announcesTheConnectionThenStreamsEachStatusChangeOnceInIdOrder() {
        try (Listener listener = listen(web, portal.apiKey(), "/api/v1/orders/events", null)) {
            listener.awaitConnected();
            String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();
            portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();
            portal.put("/orders/" + orderId + "/cancelled").expectStatus().isOk();

            List<ServerSentEvent<String>> events = listener.awaitEvents(e -> orderId.equals(field(e, "orderId")), 3);

            assertThat(events).extracting(ServerSentEvent::event).containsOnly("order-status");
            assertThat(events).extracting(e -> field(e, "status")).containsExactly("CREATED", "WAITING", "CANCELLED");
            assertThat(json.readTree(events.get(0).data()).get("previousStatus").isNull())
                    .isTrue();
            assertThat(events)
                    .extracting(e -> Long.parseLong(e.id()))
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(listener.first().comment()).isEqualToIgnoringWhitespace("connected");
        }
    }

    @Test
    void streamsAgainAfterTheServiceWasPausedAndRestarted() {
        // Spring's test context cache pauses an idle context and restarts it when a test needs it again; before
        // the fan-out reopened on restart, every live stream of a restarted service ended at once, silent.
        context.pause();
        context.restart();
        try (Listener listener = listen(web, portal.apiKey(), "/api/v1/orders/events", null)) {
            listener.awaitConnected();
            String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();

            assertThat(listener.awaitEvents(e -> orderId.equals(field(e, "orderId")), 1))
                    .extracting(e -> field(e, "status"))
                    .containsExactly("CREATED");
        }
    }

    @Test
    void showsAPortalOnlyItsOwnOrdersAndHonoursTheFilters() {
        TestPortal other = new ApiClient(web).newPortal();
        String otherCampaign = portal.openCampaign();
        try (Listener all = listen(web, portal.apiKey(), "/api/v1/orders/events", null);
                Listener byCampaign =
                        listen(web, portal.apiKey(), "/api/v1/orders/events?campaignId=" + campaign, null)) {
            all.awaitConnected();
            byCampaign.awaitConnected();
            other.order(other.openCampaign(), other.investor(), Ibans.randomGerman());
            String inOther = portal.order(otherCampaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();
            String mine = portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();

            all.awaitEvents(e -> mine.equals(field(e, "orderId")), 1);
            byCampaign.awaitEvents(e -> mine.equals(field(e, "orderId")), 1);

            assertThat(all.events())
                    .allSatisfy(e -> assertThat(List.of(mine, inOther)).contains(field(e, "orderId")));
            assertThat(byCampaign.events())
                    .allSatisfy(e -> assertThat(field(e, "orderId")).isEqualTo(mine));
        }
    }

    @Test
    void resumesAfterTheLastEventIdWithNothingLostAndNothingRepeated() {
        String orderId;
        String firstId;
        try (Listener listener = listen(web, portal.apiKey(), "/api/v1/orders/events", null)) {
            listener.awaitConnected();
            orderId = portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();
            firstId = listener.awaitEvents(e -> orderId.equals(field(e, "orderId")), 1)
                    .get(0)
                    .id();
        }
        // Changes while disconnected, including another portal's.
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();
        TestPortal other = new ApiClient(web).newPortal();
        other.order(other.openCampaign(), other.investor(), Ibans.randomGerman());
        portal.put("/orders/" + orderId + "/failed").expectStatus().isOk();

        try (Listener byHeader = listen(web, portal.apiKey(), "/api/v1/orders/events", firstId);
                Listener byParameter =
                        listen(web, portal.apiKey(), "/api/v1/orders/events?lastEventId=" + firstId, null)) {
            for (Listener resumed : List.of(byHeader, byParameter)) {
                List<ServerSentEvent<String>> events = resumed.awaitEvents(e -> orderId.equals(field(e, "orderId")), 2);
                assertThat(events).extracting(e -> field(e, "status")).containsExactly("WAITING", "FAILED");
                assertThat(resumed.events()).allSatisfy(e -> {
                    assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(firstId));
                    assertThat(field(e, "orderId")).isEqualTo(orderId);
                });
            }
        }
    }

    @Test
    void answers412WhenTheEventsAfterTheGivenIdAreNoLongerKept() {
        String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();
        Long created = database.sql("SELECT min(seq) FROM event_log WHERE order_id = :id")
                .bind("id", orderId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        // What the 7-day retention does to old events, done now.
        database.sql("DELETE FROM event_log WHERE seq <= :seq")
                .bind("seq", created)
                .then()
                .block();

        portal.api()
                .web()
                .get()
                .uri("/api/v1/orders/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + portal.apiKey())
                .header("Last-Event-ID", Long.toString(created - 1))
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("EVENTS_EXPIRED");
    }

    @Test
    void refusesAMalformedLastEventId() {
        portal.api()
                .web()
                .get()
                .uri("/api/v1/orders/events?lastEventId=yesterday")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + portal.apiKey())
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void streamsEveryKindOfEventToOpsAndNoneToPortalsWithoutAKey() {
        web.get().uri("/api/v1/orders/events").exchange().expectStatus().isUnauthorized();
        web.get()
                .uri("/api/v1/ops/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + portal.apiKey())
                .exchange()
                .expectStatus()
                .isForbidden();
        try (Listener ops = listen(web, ApiClient.OPS_KEY, "/api/v1/ops/events", null)) {
            ops.awaitConnected();
            String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();
            portal.api()
                    .post(
                            portal.apiKey(),
                            "/api/v1/sandbox/bank-transfers",
                            Map.of(
                                    "amount",
                                    1100,
                                    "description",
                                    "pay " + orderId,
                                    "payerIban",
                                    Ibans.randomGerman(),
                                    "payerName",
                                    "Mario Rossi"))
                    .expectStatus()
                    .isAccepted();

            ops.awaitEvents(
                    e -> "crowdrecon.moneyout.created.v1".equals(e.event()) && orderId.equals(field(e, "orderId")), 2);
            ops.awaitEvents(
                    e -> "order-status".equals(e.event())
                            && "ACCOUNTED".equals(field(e, "status"))
                            && orderId.equals(field(e, "orderId")),
                    1);
        }
    }

    @Test
    void streamsAmountsInTheirCurrencysMinorDigitsAndChannelsAsOrdersNameThemToOps() {
        try (Listener ops = listen(web, ApiClient.OPS_KEY, "/api/v1/ops/events", null)) {
            ops.awaitConnected();
            String description = "No reference " + UUID.randomUUID();
            portal.api()
                    .post(
                            portal.apiKey(),
                            "/api/v1/sandbox/bank-transfers",
                            Map.of(
                                    "amount",
                                    new BigDecimal("75.5"),
                                    "description",
                                    description,
                                    "payerIban",
                                    Ibans.randomGerman()))
                    .expectStatus()
                    .isAccepted();

            ServerSentEvent<String> received = ops.awaitEvents(
                            e -> "crowdrecon.unidentified-transfer.received.v1".equals(e.event())
                                    && description.equals(field(e, "description")),
                            1)
                    .get(0);
            String transferId = field(received, "unidentifiedTransferId");
            ServerSentEvent<String> requested = ops.awaitEvents(
                            e -> "crowdrecon.payment-instruction.requested.v1".equals(e.event())
                                    && transferId.equals(field(e, "unidentifiedTransferId")),
                            1)
                    .get(0);
            assertThat(WireAmounts.of(received.data(), "amount")).containsExactly("75.50");
            assertThat(WireAmounts.of(requested.data(), "amount")).containsExactly("75.50");
            assertThat(field(requested, "channel")).isEqualTo("MONEY_TRANSFER");
        }
    }

    @Test
    void deliversToAClientOfAnotherInstanceAChangeMadeOnThisOneAndSendsHeartbeats() {
        try (SecondInstance second = SecondInstance.start(Map.of("recon.stream.heartbeat", "300ms"));
                Listener remote = listen(second.web(), portal.apiKey(), "/api/v1/orders/events", null)) {
            remote.awaitConnected();
            String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString();

            remote.awaitEvents(e -> orderId.equals(field(e, "orderId")), 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> remote.all().stream()
                    .anyMatch(e -> e.comment() != null && e.comment().strip().equals("heartbeat")));
        }
    }

    private String field(ServerSentEvent<String> event, String name) {
        if (event.data() == null) {
            return null;
        }
        JsonNode node = json.readTree(event.data()).get(name);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Listener listen(WebTestClient client, String key, String uri, String lastEventId) {
        WebTestClient.RequestHeadersSpec<?> request = client.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        Flux<ServerSentEvent<String>> body =
                request.exchange().expectStatus().isOk().returnResult(SSE).getResponseBody();
        return new Listener(body);
    }

    /** A client keeping everything its stream delivered. */
    static final class Listener implements AutoCloseable {
        private final List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        private final Disposable subscription;

        Listener(Flux<ServerSentEvent<String>> body) {
            subscription = body.subscribe(received::add);
        }

        void awaitConnected() {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        }

        ServerSentEvent<String> first() {
            return received.get(0);
        }

        List<ServerSentEvent<String>> all() {
            return received;
        }

        /** The events (not comments) received so far. */
        List<ServerSentEvent<String>> events() {
            return received.stream().filter(e -> e.id() != null).toList();
        }

        List<ServerSentEvent<String>> awaitEvents(Predicate<ServerSentEvent<String>> which, int count) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> events().stream().filter(which).count() >= count);
            return events().stream().filter(which).toList();
        }

        @Override
        public void close() {
            subscription.dispose();
        }
    }
}
