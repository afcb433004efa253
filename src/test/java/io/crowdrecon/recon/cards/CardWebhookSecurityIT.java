package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 7, {@code POST /webhooks/card}: only a body signed with the named portal's webhook secret is taken,
 * and only for that portal's orders; anything else answers 401 (or 400 for an authentic but invalid body) and stores
 * nothing, not even on {@code recon.card-notifications}.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardWebhookSecurityIT {

    @Fixture
    private static TestKafka kafka;

    @Autowired
    WebTestClient web;

    @Fixture
    ApiClient api;

    @Fixture
    CardGateway gateway;

    @Fixture
    CardFlows flows;

    /** What a forger sends: the portal it names, its signature and the body, given the real capture. */
    record Forgery(Function<Context, WebTestClient.ResponseSpec> send) {}

    /** The portal under attack, another real portal, and the capture the forger wants accepted. */
    record Context(CardGateway gateway, TestPortal portal, TestPortal other, CardNotification capture) {
        byte[] body() {
            return capture.bytes();
        }

        String signedByThePortal() {
            return CardGateway.signature(portal.webhookSecret(), body());
        }
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forgery("without X-Signature", c -> c.gateway().post(c.portal().portalId(), null, c.body())),
                forgery("without X-Portal-Id", c -> c.gateway().post(null, c.signedByThePortal(), c.body())),
                forgery("with an empty X-Signature", c -> c.gateway()
                        .post(c.portal().portalId(), "", c.body())),
                forgery("with a wrong signature", c -> c.gateway()
                        .post(c.portal().portalId(), "sha256=" + "0".repeat(64), c.body())),
                forgery("with a signature that is not hex", c -> c.gateway()
                        .post(c.portal().portalId(), "sha256=not-a-signature", c.body())),
                forgery("with the right digest but no sha256= prefix", c -> c.gateway()
                        .post(c.portal().portalId(), c.signedByThePortal().substring("sha256=".length()), c.body())),
                forgery("signed with another portal's secret", c -> c.gateway()
                        .post(
                                c.portal().portalId(),
                                CardGateway.signature(c.other().webhookSecret(), c.body()),
                                c.body())),
                forgery("signed by the portal but naming another portal", c -> c.gateway()
                        .post(c.other().portalId(), c.signedByThePortal(), c.body())),
                forgery("naming a portal that does not exist", c -> c.gateway()
                        .post("PRT0000000000000000", c.signedByThePortal(), c.body())),
                forgery("signed with the portal's API key instead of its webhook secret", c -> c.gateway()
                        .post(
                                c.portal().portalId(),
                                CardGateway.signature(c.portal().apiKey(), c.body()),
                                c.body())),
                forgery("altered after signing", c -> c.gateway()
                        .post(
                                c.portal().portalId(),
                                c.signedByThePortal(),
                                c.capture().copy().amount("1.00").json().getBytes(StandardCharsets.UTF_8))),
                forgery("with a trailing space added after signing", c -> c.gateway()
                        .post(
                                c.portal().portalId(),
                                c.signedByThePortal(),
                                (c.capture().json() + " ").getBytes(StandardCharsets.UTF_8))),
                forgery("authenticated with the portal's API key and no signature", c -> c.gateway()
                        .web()
                        .post()
                        .uri(CardGateway.WEBHOOK)
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + c.portal().apiKey())
                        .header("X-Portal-Id", c.portal().portalId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(c.body())
                        .exchange()));
    }

    private static Arguments forgery(String what, Function<Context, WebTestClient.ResponseSpec> send) {
        return Arguments.of(what, new Forgery(send));
    }

    @ParameterizedTest(name = "refuses a capture {0} and stores nothing")
    @MethodSource("forgeries")
    void refusesAForgedCaptureAndStoresNothing(String what, Forgery forgery) {
        String orderId = flows.newCardOrder();
        TestPortal other = api.newPortal();
        CardNotification capture = CardMessages.capture(orderId);
        long before = System.currentTimeMillis() - 1000;

        JsonNode problem = ApiClient.body(forgery.send()
                .apply(new Context(gateway, flows.portal(), other, capture))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asString()).isNotBlank();
        flows.awaitNotificationsBefore(Delivery.WEBHOOK, orderId);
        assertThat(cardRecordsMentioning(before, capture.notificationId())).isEmpty();
        assertThat(flows.status(orderId)).isEqualTo("CREATED");
        assertThat(flows.payment(orderId).get("moneyin").isNull()).isTrue();
        assertThat(flows.unidentified("candidateOrderId=" + orderId)).isEmpty();
        assertThat(flows.unidentifiedForOps("candidateOrderId=" + orderId)).isEmpty();
    }

    @Test
    void refusesAnAuthorisationFailureSignedWithAnotherPortalsSecretAndLeavesTheOrderAlone() {
        String orderId = flows.newCardOrder();
        TestPortal other = api.newPortal();
        CardNotification failure = CardMessages.authorisation(orderId).success(false);
        long before = System.currentTimeMillis() - 1000;

        gateway.post(
                        flows.portal().portalId(),
                        CardGateway.signature(other.webhookSecret(), failure.bytes()),
                        failure.bytes())
                .expectStatus()
                .isUnauthorized();

        flows.awaitNotificationsBefore(Delivery.WEBHOOK, orderId);
        assertThat(cardRecordsMentioning(before, failure.notificationId())).isEmpty();
        assertThat(flows.status(orderId)).isEqualTo("CREATED");
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("that is not JSON", capture -> "{\"notificationId\":\"" + capture.notificationId() + "\","),
                invalid("that is a JSON array", capture -> "[" + capture.json() + "]"),
                invalid("without its pspReference", capture -> capture.without("pspReference")
                        .json()),
                invalid("without its success flag", capture -> capture.without("success")
                        .json()),
                invalid("without its eventDatetime", capture -> capture.without("eventDatetime")
                        .json()),
                invalid("with an unknown eventCode", capture -> capture.with("eventCode", "SETTLEMENT")
                        .json()),
                invalid("with its amount as a string", capture -> capture.with("amount", "1100.00")
                        .json()),
                invalid("with a negative amount", capture -> capture.amount("-1100")
                        .json()),
                invalid("with three decimals in euros", capture -> capture.amount("1100.001")
                        .json()),
                invalid("with a currency that is no ISO 4217 code", capture -> capture.with("currency", "EURO")
                        .json()),
                invalid("with an eventDatetime without an offset", capture -> capture.with(
                                "eventDatetime", "2026-11-20T10:15:30")
                        .json()));
    }

    private static Arguments invalid(String what, Function<CardNotification, String> body) {
        return Arguments.of(what, body);
    }

    @ParameterizedTest(name = "answers 400 to a signed body {0} and stores nothing")
    @MethodSource("invalidBodies")
    void answersBadRequestToASignedInvalidBodyAndStoresNothing(String what, Function<CardNotification, String> spoil) {
        String orderId = flows.newCardOrder();
        CardNotification capture = CardMessages.capture(orderId);
        byte[] body = spoil.apply(capture).getBytes(StandardCharsets.UTF_8);
        long before = System.currentTimeMillis() - 1000;

        JsonNode problem = ApiClient.body(gateway.post(
                        flows.portal().portalId(),
                        CardGateway.signature(flows.portal().webhookSecret(), body),
                        body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(problem.get("code").asString()).isNotBlank();
        flows.awaitNotificationsBefore(Delivery.WEBHOOK, orderId);
        assertThat(cardRecordsMentioning(before, capture.notificationId())).isEmpty();
        assertThat(flows.status(orderId)).isEqualTo("CREATED");
        assertThat(flows.unidentified("candidateOrderId=" + orderId)).isEmpty();
    }

    @Test
    void publishesAnAuthenticNotificationAsSignedOnTheCardTopicKeyedByItsOrder() {
        String orderId = flows.newCardOrder();
        CardNotification capture = CardMessages.capture(orderId).with("gatewayExtension", "ignored");
        long before = System.currentTimeMillis() - 1000;

        flows.deliver(Delivery.WEBHOOK, capture);

        flows.awaitStatus(orderId, "ACCOUNTED");
        assertThat(cardRecordsMentioning(before, capture.notificationId()))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo(orderId);
                    assertThat(record.value()).isEqualTo(capture.json());
                });
    }

    @Test
    void aDeliveryRetriedWithItsIdempotencyKeyIsPublishedOnceAndTheKeyServesNoOtherBody() {
        String orderId = flows.newCardOrder();
        CardNotification capture = CardMessages.capture(orderId);
        String key = UUID.randomUUID().toString();
        long before = System.currentTimeMillis() - 1000;

        postWithKey(key, capture).expectStatus().isAccepted().expectHeader().doesNotExist("Idempotent-Replayed");
        postWithKey(key, capture)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody()
                .jsonPath("$.notificationId")
                .isEqualTo(capture.notificationId());
        postWithKey(key, CardMessages.capture(orderId))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");

        flows.awaitStatus(orderId, "ACCOUNTED");
        assertThat(cardRecordsMentioning(before, capture.notificationId())).hasSize(1);
    }

    private WebTestClient.ResponseSpec postWithKey(String idempotencyKey, CardNotification notification) {
        return web.post()
                .uri("/api/v1/webhooks/card")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Portal-Id", flows.portal().portalId())
                .header("X-Signature", CardGateway.signature(flows.portal().webhookSecret(), notification.bytes()))
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(notification.bytes())
                .exchange();
    }

    @Test
    void aCaptureFromOnePortalsWebhookNamingAnotherPortalsOrderIsAnUnknownOrderOfTheSender() {
        CardFlows victim = new CardFlows(api, gateway, kafka);
        String theirOrder = victim.newCardOrder();
        CardNotification capture = CardMessages.capture(theirOrder);
        long beforeCapturing = System.currentTimeMillis();

        flows.deliver(Delivery.WEBHOOK, capture);

        JsonNode transfer = flows.awaitUnidentifiedNaming(theirOrder);
        assertThat(transfer.get("reason").asString()).isEqualTo("UNKNOWN_ORDER");
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        JsonNode returned = flows.awaitRequestedInstruction(
                beforeCapturing, transfer.get("unidentifiedTransferId").asString(), data -> true);
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(returned.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        assertThat(victim.status(theirOrder)).isEqualTo("CREATED");
        assertThat(victim.payment(theirOrder).get("moneyin").isNull()).isTrue();
        assertThat(victim.unidentified("candidateOrderId=" + theirOrder)).isEmpty();
    }

    @Test
    void otherNotificationsFromOnePortalsWebhookCannotTouchAnotherPortalsOrder() {
        CardFlows victim = new CardFlows(api, gateway, kafka);
        String waiting = victim.newCardOrder();
        String paid = victim.newCardOrder();
        CardNotification capture = victim.pay(Delivery.WEBHOOK, paid);

        flows.deliver(Delivery.WEBHOOK, CardMessages.authorisation(waiting).success(false));
        flows.deliver(Delivery.WEBHOOK, CardMessages.chargeback(paid, capture.pspReference()));
        flows.awaitNotificationsBefore(Delivery.WEBHOOK, waiting);
        flows.awaitNotificationsBefore(Delivery.WEBHOOK, paid);

        assertThat(victim.status(waiting)).isEqualTo("CREATED");
        assertThat(victim.status(paid)).isEqualTo("ACCOUNTED");
        assertThat(victim.moneyoutStatuses(paid)).hasSize(2).containsOnly("AVAILABLE");
        assertThat(victim.reviewsOfOrder("CHARGEBACK", paid)).isEmpty();
        victim.ops().assertNoBreach();
    }

    @Test
    void aRefundNotificationFromOnePortalsWebhookCannotAnswerAnotherPortalsRefund() {
        CardFlows victim = new CardFlows(api, gateway, kafka);
        String orderId = victim.newCardOrder();
        CardNotification capture = victim.pay(Delivery.WEBHOOK, orderId);
        victim.cancel(orderId).expectStatus().isOk();
        String instructionId = victim.refund(orderId).get("instructionId").asString();
        CardNotification naming = CardMessages.refund(orderId, instructionId, capture.pspReference());
        CardNotification byPspReference = CardMessages.refund(orderId, null, capture.pspReference())
                .success(false)
                .reason("CARD_EXPIRED");

        flows.deliver(Delivery.WEBHOOK, naming);
        flows.deliver(Delivery.WEBHOOK, byPspReference);

        assertThat(flows.awaitUnexpectedDebit(naming.notificationId())
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        flows.awaitUnexpectedDebit(byPspReference.notificationId());
        assertThat(victim.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
        assertThat(victim.refund(orderId).get("status").asString()).isEqualTo("CREATED");
        assertThat(victim.reviewsOfOrder("INSTRUCTION_FAILED", orderId)).isEmpty();
    }

    /** The records of {@code recon.card-notifications} since then whose value mentions {@code notificationId}. */
    private static List<ConsumerRecord<String, String>> cardRecordsMentioning(long sinceMillis, String notificationId) {
        return kafka.readSince(CardMessages.TOPIC, sinceMillis).stream()
                .filter(record -> record.value() != null && record.value().contains(notificationId))
                .toList();
    }
}
