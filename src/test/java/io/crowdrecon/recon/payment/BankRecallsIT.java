package io.crowdrecon.recon.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.DebitMessages.Debit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 4 and 6: the bank taking back a credit it had booked (a DEBIT with {@code returnOfNotificationId}),
 * and DEBITs delivered more than once.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class BankRecallsIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    PaymentFlows flows;

    String investorIban = Ibans.randomGerman();

    @Test
    void aRecallWhileTheMoneyIsStillAvailableUndoesThePaymentAndTheOrderCanBePaidAgain() {
        String orderId = flows.newOrder(investorIban);
        Credit credit = flows.pay(orderId, investorIban);
        String moneyinId =
                flows.payment(orderId).get("moneyin").get("moneyinId").asString();
        long recalls = flows.ops().count("recalls", "EUR");
        Debit recall = DebitMessages.recall(credit.notificationId(), "1100.00");
        long beforeRecall = System.currentTimeMillis();

        flows.publish(recall);

        JsonNode order = flows.awaitStatus(orderId, "WAITING");
        JsonNode history = order.get("statusHistory");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("status").asString()).isEqualTo("WAITING");
        assertThat(last.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(last.get("reason").asString()).isEqualTo("PAYMENT_RECALLED");
        JsonNode payment = flows.payment(orderId);
        JsonNode moneyin = payment.get("moneyin");
        assertThat(moneyin.get("moneyinId").asString()).isEqualTo(moneyinId);
        assertThat(moneyin.get("status").asString()).isEqualTo("RECALLED");
        assertThat(moneyin.get("recalledDatetime").isNull()).isFalse();
        assertThat(payment.get("refund").isNull()).isTrue();
        assertThat(flows.moneyouts(orderId))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("REVERSED"));
        assertThat(flows.ops().count("recalls", "EUR")).isEqualTo(recalls + 1);
        assertThat(flows.ops().reviewItemsAbout("UNEXPECTED_DEBIT", recall.notificationId()))
                .isEmpty();
        JsonNode announced = flows.awaitEvent(
                "recon.order-events", "crowdrecon.order.status-changed.v1", beforeRecall, orderId, data -> "WAITING"
                        .equals(data.get("status").asString()));
        assertThat(announced.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(announced.get("reason").asString()).isEqualTo("PAYMENT_RECALLED");
        for (JsonNode moneyout : flows.moneyouts(orderId)) {
            String moneyoutId = moneyout.get("moneyoutId").asString();
            flows.awaitEvent(
                    "recon.moneyouts",
                    "crowdrecon.moneyout.status-changed.v1",
                    beforeRecall,
                    orderId,
                    data -> moneyoutId.equals(data.get("moneyoutId").asString())
                            && "REVERSED".equals(data.get("status").asString()));
        }

        flows.pay(orderId, investorIban);

        JsonNode repaid = flows.payment(orderId).get("moneyin");
        assertThat(repaid.get("moneyinId").asString()).isNotEqualTo(moneyinId);
        assertThat(repaid.get("status").asString()).isEqualTo("RECEIVED");
        List<JsonNode> moneyouts = flows.moneyouts(orderId);
        assertThat(moneyouts.stream().map(m -> m.get("status").asString()))
                .containsExactlyInAnyOrder("REVERSED", "REVERSED", "AVAILABLE", "AVAILABLE");
    }

    @Test
    void anOrderPaidAgainAfterARecallIsRefundedToItsNewPayer() {
        String orderId = flows.newOrder(investorIban);
        Credit first = flows.pay(orderId, investorIban);
        flows.publish(DebitMessages.recall(first.notificationId(), "1100"));
        flows.awaitStatus(orderId, "WAITING");
        String newPayer = Ibans.randomGerman();
        flows.pay(orderId, Ibans.asTyped(newPayer));

        JsonNode cancelled = ApiClient.body(flows.portal()
                .put("/orders/" + orderId + "/cancelled")
                .expectStatus()
                .isOk());

        assertThat(cancelled.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("iban").asString()).isEqualTo(newPayer);
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(flows.moneyouts(orderId))
                .hasSize(4)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("REVERSED"));
    }

    @Test
    void aRecallOfAnotherAmountChangesNothingAndIsFlagged() {
        String orderId = flows.newOrder(investorIban);
        Credit credit = flows.pay(orderId, investorIban);
        Debit recall = DebitMessages.recall(credit.notificationId(), "1000.00");

        flows.publish(recall);

        JsonNode unexpected = flows.awaitReview("UNEXPECTED_DEBIT", recall.notificationId());
        assertThat(unexpected.get("status").asString()).isEqualTo("OPEN");
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(flows.payment(orderId).get("moneyin").get("status").asString())
                .isEqualTo("RECEIVED");
        assertThat(flows.moneyouts(orderId))
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("AVAILABLE"));
    }

    @Test
    void aRecallOfACreditNeverReceivedIsFlagged() {
        Debit recall = DebitMessages.recall(Credits.newNotificationId(), "1100.00");

        flows.publish(recall);

        JsonNode unexpected = flows.awaitReview("UNEXPECTED_DEBIT", recall.notificationId());
        assertThat(unexpected.get("status").asString()).isEqualTo("OPEN");
        assertThat(flows.ops().reviewItemsAbout("RECALL_AFTER_PAYOUT", recall.notificationId()))
                .isEmpty();
    }

    @Test
    void aRecallOfAnOrderAlreadyRefundedOnlyOpensARecallAfterPayout() {
        String orderId = flows.newOrder(investorIban);
        Credit credit = flows.pay(orderId, investorIban);
        flows.portal().put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        JsonNode refund = flows.refund(orderId);
        long recalls = flows.ops().count("recalls", "EUR");
        Debit recall = DebitMessages.recall(credit.notificationId(), "1100");

        flows.publish(recall);

        JsonNode afterPayout = flows.awaitReview("RECALL_AFTER_PAYOUT", recall.notificationId());
        assertThat(afterPayout.get("status").asString()).isEqualTo("OPEN");
        assertThat(afterPayout.get("orderId").asString()).isEqualTo(orderId);
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(flows.payment(orderId).get("moneyin").get("status").asString())
                .isEqualTo("RECEIVED");
        assertThat(flows.refund(orderId).get("refundId").asString())
                .isEqualTo(refund.get("refundId").asString());
        assertThat(flows.ops().count("recalls", "EUR")).isEqualTo(recalls);
        assertThat(flows.ops().reviewItemsAbout("UNEXPECTED_DEBIT", recall.notificationId()))
                .isEmpty();
    }

    @Test
    void theSameRecallDeliveredTwiceIsAppliedOnce() {
        String orderId = flows.newOrder(investorIban);
        Credit credit = flows.pay(orderId, investorIban);
        long recalls = flows.ops().count("recalls", "EUR");
        Debit recall = DebitMessages.recall(credit.notificationId(), "1100.00");

        kafka.sendAll(
                Credits.TOPIC,
                List.of(
                        Map.entry(recall.notificationId(), recall.json()),
                        Map.entry(recall.notificationId(), recall.json())));
        flows.awaitDebitsBefore(recall.notificationId());

        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("WAITING");
        assertThat(flows.transitionsTo(orderId, "WAITING"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.get("reason").asString()).isEqualTo("PAYMENT_RECALLED"));
        assertThat(flows.ops().count("recalls", "EUR")).isEqualTo(recalls + 1);
        assertThat(flows.ops().reviewItemsAbout("UNEXPECTED_DEBIT", recall.notificationId()))
                .isEmpty();

        flows.pay(orderId, investorIban);
        flows.publish(recall);
        flows.awaitDebitsBefore(recall.notificationId());

        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(flows.payment(orderId).get("moneyin").get("status").asString())
                .isEqualTo("RECEIVED");
    }

    @Test
    void theSameUnexpectedDebitDeliveredTwiceOpensOneReviewItem() {
        Debit unknown = DebitMessages.answer("PI0000000000000002", "FAILED", "10");

        kafka.sendAll(
                Credits.TOPIC,
                List.of(
                        Map.entry(unknown.notificationId(), unknown.json()),
                        Map.entry(unknown.notificationId(), unknown.json())));
        flows.awaitDebitsBefore(unknown.notificationId());

        assertThat(flows.ops().reviewItemsAbout("UNEXPECTED_DEBIT", unknown.notificationId()))
                .hasSize(1);
    }
}
