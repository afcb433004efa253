package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 4 and 6: a chargeback holds an accounted order's moneyouts until ops release them or reverse them
 * (the order REFUNDED with reason {@code CHARGEBACK}, nothing sent back), blocks the campaign's finalization while
 * held, and after payout is only a {@code CHARGEBACK_LOSS}.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardChargebacksIT {

    @Fixture
    CardFlows flows;

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aChargebackHoldsTheMoneyoutsUntilOpsReleaseThemAndAReversedOneRefundsTheOrderWithoutARefund(
            Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        CardNotification first = CardMessages.chargeback(orderId, capture.pspReference());

        flows.deliver(delivery, first);

        flows.awaitMoneyouts(orderId, "HELD");
        JsonNode review = flows.awaitReviewsOfOrder("CHARGEBACK", orderId, 1).get(0);
        assertThat(review.get("status").asString()).isEqualTo("OPEN");
        assertThat(review.get("subjectId").asString()).isEqualTo(first.notificationId());
        assertThat(review.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
        String reviewId = review.get("reviewItemId").asString();

        JsonNode withoutAction = ApiClient.body(flows.resolve(reviewId, Map.of("note", "Looked at it"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(withoutAction.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(withoutAction.get("errors").valueStream().map(e -> e.get("field")
                        .asString()))
                .contains("action");
        flows.resolve(reviewId, Map.of("note", "Looked at it", "action", "FORGET"))
                .expectStatus()
                .isBadRequest();
        assertThat(flows.moneyoutStatuses(orderId)).containsOnly("HELD");
        assertThat(flows.reviewsOfOrder("CHARGEBACK", orderId)
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        JsonNode released = ApiClient.body(
                flows.resolve(reviewId, Map.of("note", "The cardholder withdrew the dispute", "action", "RELEASE"))
                        .expectStatus()
                        .isOk());

        assertThat(released.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(flows.moneyoutStatuses(orderId)).hasSize(2).containsOnly("AVAILABLE");
        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");

        CardNotification second = CardMessages.chargeback(orderId, capture.pspReference());
        flows.deliver(delivery, second);

        flows.awaitMoneyouts(orderId, "HELD");
        List<JsonNode> reviews = flows.awaitReviewsOfOrder("CHARGEBACK", orderId, 2);
        JsonNode open = reviews.stream()
                .filter(r -> "OPEN".equals(r.get("status").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(open.get("subjectId").asString()).isEqualTo(second.notificationId());
        flows.cancel(orderId).expectStatus().is4xxClientError();
        assertThat(flows.status(orderId)).as("held money is not refunded").isEqualTo("ACCOUNTED");
        long beforeReversing = System.currentTimeMillis();

        flows.resolve(
                        open.get("reviewItemId").asString(),
                        Map.of("note", "The card network took the money back", "action", "REVERSE"))
                .expectStatus()
                .isOk();

        assertThat(flows.moneyoutStatuses(orderId)).hasSize(2).containsOnly("REVERSED");
        JsonNode refunded = flows.order(orderId);
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode last =
                refunded.get("statusHistory").get(refunded.get("statusHistory").size() - 1);
        assertThat(last.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(last.get("reason").asString()).isEqualTo("CHARGEBACK");
        assertThat(flows.payment(orderId).get("refund").isNull()).isTrue();
        flows.portal()
                .get("/orders/" + orderId + "/payment/refund")
                .expectStatus()
                .isNotFound();
        // The reversal's events are relayed together: once its REFUNDED is out, an instruction would be too.
        await().atMost(CardFlows.DECIDED)
                .pollInterval(CardFlows.POLL)
                .until(
                        () -> flows
                                .events(
                                        "recon.order-events",
                                        "crowdrecon.order.status-changed.v1",
                                        beforeReversing,
                                        orderId)
                                .stream()
                                .anyMatch(data ->
                                        "REFUNDED".equals(data.get("status").asString())));
        assertThat(flows.requestedInstructions(beforeReversing, orderId))
                .as("a reversed chargeback sends nothing back")
                .isEmpty();
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aChargebackDeliveredTwiceHoldsTheMoneyoutsOnce(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        CardNotification chargeback = CardMessages.chargeback(orderId, capture.pspReference());

        flows.deliver(delivery, chargeback);
        flows.deliver(delivery, chargeback);
        flows.awaitNotificationsBefore(delivery, orderId);

        assertThat(flows.moneyoutStatuses(orderId)).hasSize(2).containsOnly("HELD");
        assertThat(flows.reviewsOfOrder("CHARGEBACK", orderId)).hasSize(1);
        assertThat(flows.reviewsOfOrder("CHARGEBACK_LOSS", orderId)).isEmpty();
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void finalizingRefusesAnOrderWithHeldMoneyoutsAndAChargebackAfterThePayoutIsALoss(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.deliver(delivery, CardMessages.chargeback(orderId, capture.pspReference()));
        flows.awaitMoneyouts(orderId, "HELD");
        flows.closeCampaign();

        // Neither executing it nor undoing it (a failure refunds every order): the card network may still take it.
        for (var finalization : List.of(flows.finalizeSuccess(List.of(orderId), List.of()), flows.finalizeFailure())) {
            finalization
                    .expectStatus()
                    .isEqualTo(422)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("MONEYOUTS_HELD");
        }

        assertThat(campaignStatus()).isEqualTo("CLOSED");
        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
        assertThat(flows.moneyoutStatuses(orderId)).containsOnly("HELD");
        String reviewId = flows.reviewsOfOrder("CHARGEBACK", orderId)
                .get(0)
                .get("reviewItemId")
                .asString();
        flows.resolve(reviewId, Map.of("note", "Dispute won", "action", "RELEASE"))
                .expectStatus()
                .isOk();

        JsonNode finalized = ApiClient.body(flows.finalizeSuccess(List.of(orderId), List.of())
                .expectStatus()
                .isOk());

        assertThat(finalized.get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
        assertThat(flows.moneyoutStatuses(orderId)).hasSize(2).containsOnly("EXECUTED");
        String paidOut = flows.status(orderId);
        assertThat(paidOut).isEqualTo("SPLITTED");
        CardNotification late = CardMessages.chargeback(orderId, capture.pspReference());

        flows.deliver(delivery, late);

        JsonNode loss = flows.awaitReviewsOfOrder("CHARGEBACK_LOSS", orderId, 1).get(0);
        assertThat(loss.get("status").asString()).isEqualTo("OPEN");
        assertThat(loss.get("subjectId").asString()).isEqualTo(late.notificationId());
        assertThat(flows.moneyoutStatuses(orderId)).containsOnly("EXECUTED");
        assertThat(flows.status(orderId)).isEqualTo(paidOut);
        assertThat(flows.reviewsOfOrder("CHARGEBACK", orderId)).hasSize(1);
    }

    private String campaignStatus() {
        return ApiClient.body(flows.portal()
                        .get("/campaigns/" + flows.campaign())
                        .expectStatus()
                        .isOk())
                .get("status")
                .asString();
    }
}
