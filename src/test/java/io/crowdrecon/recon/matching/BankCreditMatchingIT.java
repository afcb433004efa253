package io.crowdrecon.recon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.shared.CreditorReference;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 5 end to end: bank CREDITs published to {@code recon.bank-notifications} as a bank feed would,
 * their outcomes read back through the API.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class BankCreditMatchingIT {

    private static final Duration DECIDED = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @Fixture
    private static TestKafka kafka;

    @Autowired
    DatabaseClient database;

    @Fixture
    ApiClient api;

    @Fixture
    OpsView ops;

    TestPortal portal;
    String campaign;
    String investor;
    String investorIban = Ibans.randomGerman();

    @BeforeEach
    void setUp() {
        portal = api.newPortal();
        campaign = portal.openCampaign();
        investor = portal.investor();
    }

    @Test
    void accountsAnOrderPaidWithItsTotalAndItsOrderIdAndMakesItsMoneyoutsAvailable() {
        String orderId = newOrder();

        publish(creditFor(orderId));

        JsonNode order = awaitStatus(orderId, "ACCOUNTED");
        assertThat(transitionsTo(order, "ACCOUNTED")).singleElement().satisfies(transition -> {
            assertThat(transition.get("previousStatus").asString()).isEqualTo("CREATED");
            assertThat(transition.get("reason").asString()).isEqualTo("PAYMENT_MATCHED");
        });
        JsonNode moneyouts = moneyouts(orderId);
        assertThat(moneyouts.get("total").asLong()).isEqualTo(2);
        JsonNode company = moneyout(moneyouts, "COMPANY");
        assertThat(company.get("amount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(company.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(company.get("currency").asString()).isEqualTo("EUR");
        assertThat(company.get("orderId").asString()).isEqualTo(orderId);
        assertThat(company.get("companyId").asString()).isEqualTo(portal.companyId());
        assertThat(company.get("moneyoutId").asString()).startsWith("MO");
        JsonNode fee = moneyout(moneyouts, "FEE");
        assertThat(fee.get("amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(fee.get("status").asString()).isEqualTo("AVAILABLE");
        JsonNode payment = payment(orderId);
        JsonNode moneyin = payment.get("moneyin");
        assertThat(moneyin.get("moneyinId").asString()).startsWith("MI");
        assertThat(moneyin.get("orderId").asString()).isEqualTo(orderId);
        assertThat(moneyin.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(moneyin.get("currency").asString()).isEqualTo("EUR");
        assertThat(moneyin.get("payerIban").asString()).isEqualTo(investorIban);
        assertThat(payment.get("moneyouts").size()).isEqualTo(2);
        assertThat(payment.get("returnedTransfers").size()).isZero();
        assertThat(ops.reviewItems("orderId=" + orderId).get("total").asLong())
                .as("no review item for a clean match")
                .isZero();
    }

    @Test
    void makesOnlyTheCompanyMoneyoutWhenTheOrderHasNoFee() {
        Map<String, Object> body = portal.orderBody(campaign, investor, investorIban);
        body.put("totalAmount", new BigDecimal("1000"));
        body.put("orderAmount", new BigDecimal("1000"));
        body.put("feeAmount", BigDecimal.ZERO);
        String orderId = ApiClient.body(
                        portal.post("/orders", body).expectStatus().isCreated())
                .get("orderId")
                .asString();

        publish(creditFor(orderId).amount("1000"));

        awaitStatus(orderId, "ACCOUNTED");
        JsonNode moneyouts = moneyouts(orderId);
        assertThat(moneyouts.get("items").size()).isEqualTo(1);
        JsonNode company = moneyouts.get("items").get(0);
        assertThat(company.get("type").asString()).isEqualTo("COMPANY");
        assertThat(company.get("amount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(company.get("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void matchesAnOrderIdTypedInLowerCaseWithSeparatorsAndRepeated() {
        String orderId = newOrder();
        String digits = orderId.substring(3);
        String typed = "trx " + digits.substring(0, 4) + " " + digits.substring(4, 8) + "-" + digits.substring(8, 12)
                + "." + digits.substring(12);

        publish(creditFor(orderId).description("Subscription " + typed + " (ref. " + orderId + ")"));

        awaitStatus(orderId, "ACCOUNTED");
    }

    @Test
    void matchesAnAmountWrittenWithTrailingZeros() {
        String orderId = newOrder();

        publish(creditFor(orderId).amount("1100.00"));

        awaitStatus(orderId, "ACCOUNTED");
        assertThat(payment(orderId).get("moneyin").get("amount").decimalValue()).isEqualByComparingTo("1100");
    }

    @Test
    void matchesTheOrderOfAStructuredCreditorReferenceWhateverTheDescriptionSays() {
        JsonNode paid = portal.order(campaign, investor, investorIban);
        String orderId = paid.get("orderId").asString();
        String otherOrderId = newOrder();

        publish(Credits.to(portal.collectionIban())
                .payerIban(investorIban)
                .structuredReference(paid.get("paymentReference").asString())
                .description("Subscription " + otherOrderId));

        awaitStatus(orderId, "ACCOUNTED");
        assertThat(order(otherOrderId).get("status").asString()).isEqualTo("CREATED");
        assertThat(ops.unidentified("candidateOrderId=" + otherOrderId)
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void searchesTheDescriptionWhenTheStructuredReferenceIsNotAnOrders() {
        String orderId = newOrder();

        publish(creditFor(orderId).structuredReference(CreditorReference.of("INVOICE2026")));

        awaitStatus(orderId, "ACCOUNTED");
    }

    @Test
    void returnsACreditToAnAccountOfNoPortalAsUnknownAccountShownToOpsOnly() {
        String orderId = newOrder();
        String description = "Subscription " + orderId + " " + UUID.randomUUID();
        String payerIban = Ibans.randomGerman();

        publish(Credits.to(Ibans.randomGerman()).description(description).payerIban(payerIban));

        JsonNode transfer = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(() -> ops.unidentifiedDescribedAs(description), found -> !found.isEmpty())
                .get(0);
        assertThat(transfer.get("reason").asString()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(transfer.get("unidentifiedTransferId").asString()).startsWith("UTR");
        assertReturnedInFull(transfer, "1100", "EUR", payerIban);
        assertThat(ops.unidentified("reason=UNKNOWN_ACCOUNT")
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("unidentifiedTransferId").asString()))
                .contains(transfer.get("unidentifiedTransferId").asString());
        assertThat(portalUnidentified("").get("total").asLong())
                .as("the portal does not see money sent to an account that is not its own")
                .isZero();
        assertThat(order(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void returnsACreditWithoutAnOrderIdAsMissingReference() {
        String orderId = newOrder();
        String payerIban = Ibans.randomGerman();
        String description = "Subscription TRX" + orderId.substring(3, 18) + " (one digit short) " + UUID.randomUUID();

        publish(Credits.to(portal.collectionIban()).description(description).payerIban(payerIban));

        JsonNode transfer = awaitPortalUnidentified(description);
        assertThat(transfer.get("reason").asString()).isEqualTo("MISSING_REFERENCE");
        assertThat(transfer.get("candidateOrderId").isNull()).isTrue();
        assertThat(transfer.get("payerIban").asString()).isEqualTo(payerIban);
        assertThat(transfer.get("payerName").asString()).isEqualTo("Mario Rossi");
        assertReturnedInFull(transfer, "1100", "EUR", payerIban);
        assertThat(order(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void returnsACreditNamingTwoOrdersAsAmbiguousReference() {
        String first = newOrder();
        String second = newOrder();
        String description = "Orders " + first + " and " + second + " " + UUID.randomUUID();

        publish(Credits.to(portal.collectionIban()).description(description).payerIban(investorIban));

        JsonNode transfer = awaitPortalUnidentified(description);
        assertThat(transfer.get("reason").asString()).isEqualTo("AMBIGUOUS_REFERENCE");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        assertThat(order(first).get("status").asString()).isEqualTo("CREATED");
        assertThat(order(second).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void returnsACreditNamingAnOrderIdWithAWrongDigitAsInvalidReference() {
        String orderId = newOrder();
        String mistyped = withDigitChanged(orderId, 8);
        String description = "Subscription " + mistyped + " " + UUID.randomUUID();

        publish(Credits.to(portal.collectionIban()).description(description).payerIban(investorIban));

        JsonNode transfer = awaitPortalUnidentified(description);
        assertThat(transfer.get("reason").asString()).isEqualTo("INVALID_REFERENCE");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        assertThat(order(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void returnsACreditWhoseCreditorReferenceHasWrongCheckDigitsAsInvalidReference() {
        String orderId = newOrder();
        String badReference = creditorReferenceWithWrongCheckDigits(orderId);
        String description = "Subscription " + UUID.randomUUID();

        publish(Credits.to(portal.collectionIban())
                .structuredReference(badReference)
                .description(description)
                .payerIban(investorIban));

        JsonNode transfer = awaitPortalUnidentified(description);
        assertThat(transfer.get("reason").asString()).isEqualTo("INVALID_REFERENCE");
        assertThat(order(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void returnsACreditNamingNoSuchOrderAsUnknownOrder() {
        String unknown = OrderId.generate(new Random()).value();

        publish(Credits.to(portal.collectionIban())
                .description("Subscription " + unknown)
                .payerIban(investorIban));

        JsonNode transfer = awaitUnidentifiedNaming(unknown);
        assertThat(transfer.get("reason").asString()).isEqualTo("UNKNOWN_ORDER");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        assertThat(portalUnidentified("candidateOrderId=" + unknown)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void returnsACreditToThisPortalNamingAnotherPortalsOrderAsUnknownOrder() {
        TestPortal other = api.newPortal();
        String otherOrderId = other.order(other.openCampaign(), other.investor(), investorIban)
                .get("orderId")
                .asString();

        publish(creditFor(otherOrderId));

        JsonNode transfer = awaitUnidentifiedNaming(otherOrderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("UNKNOWN_ORDER");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        assertThat(portalUnidentified("").get("total").asLong()).isEqualTo(1);
        assertThat(ApiClient.body(other.get("/unidentified-transfers")
                                .expectStatus()
                                .isOk())
                        .get("total")
                        .asLong())
                .as("the other portal was not credited")
                .isZero();
        assertThat(ApiClient.body(other.get("/orders/" + otherOrderId)
                                .expectStatus()
                                .isOk())
                        .get("status")
                        .asString())
                .isEqualTo("CREATED");
    }

    @Test
    void returnsASecondPaymentOfAnAccountedOrderAsAlreadyPaid() {
        String orderId = newOrder();
        publish(creditFor(orderId));
        awaitStatus(orderId, "ACCOUNTED");

        publish(creditFor(orderId));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ALREADY_PAID");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(transitionsTo(order, "ACCOUNTED")).hasSize(1);
        JsonNode payment = payment(orderId);
        assertThat(payment.get("moneyouts").size()).isEqualTo(2);
        assertThat(payment.get("returnedTransfers").valueStream().map(t -> t.get("unidentifiedTransferId")
                        .asString()))
                .containsExactly(transfer.get("unidentifiedTransferId").asString());
    }

    @Test
    void returnsAPaymentOfACancelledOrderAsOrderNotPayable() {
        String orderId = newOrder();
        portal.put("/orders/" + orderId + "/cancelled").expectStatus().isOk();

        publish(creditFor(orderId));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(moneyouts(orderId).get("total").asLong()).isZero();
    }

    @Test
    void returnsAPaymentOfAFailedOrderAsOrderNotPayable() {
        String orderId = newOrder();
        portal.put("/orders/" + orderId + "/failed").expectStatus().isOk();

        publish(creditFor(orderId));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(order(orderId).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void returnsAPaymentOfAnOrderWhoseCampaignWasCancelledAsOrderNotPayable() {
        String orderId = newOrder();
        portal.put("/campaigns/" + campaign + "/cancelled").expectStatus().isOk();
        assertThat(order(orderId).get("status").asString()).isEqualTo("EXPIRED");

        publish(creditFor(orderId));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(order(orderId).get("status").asString())
                .as("an expired order never reopens")
                .isEqualTo("EXPIRED");
    }

    @Test
    void returnsAPaymentOfARefundedOrderAsAlreadyPaid() {
        String orderId = newOrder();
        publish(creditFor(orderId));
        awaitStatus(orderId, "ACCOUNTED");
        portal.put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        assertThat(order(orderId).get("status").asString()).isEqualTo("REFUNDED");

        publish(creditFor(orderId));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ALREADY_PAID");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        assertThat(order(orderId).get("status").asString()).isEqualTo("REFUNDED");
    }

    @Test
    void matchesAWaitingOrderAndAnOrderOfAClosedCampaign() {
        String waiting = newOrder();
        portal.put("/orders/" + waiting + "/waiting").expectStatus().isOk();
        String ofClosedCampaign = newOrder();
        portal.put("/campaigns/" + campaign + "/closed").expectStatus().isOk();

        publish(creditFor(waiting));
        publish(creditFor(ofClosedCampaign));

        assertThat(transitionsTo(awaitStatus(waiting, "ACCOUNTED"), "ACCOUNTED"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("previousStatus").asString()).isEqualTo("WAITING"));
        awaitStatus(ofClosedCampaign, "ACCOUNTED");
    }

    @Test
    void marksAWaitingOrderPaidWithTheWrongAmountIncorrect() {
        String orderId = newOrder();
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();

        publish(creditFor(orderId).amount("1099.99"));

        assertThat(transitionsTo(awaitStatus(orderId, "INCORRECT_AMOUNT"), "INCORRECT_AMOUNT"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("previousStatus").asString()).isEqualTo("WAITING"));
        assertThat(awaitUnidentifiedNaming(orderId).get("reason").asString()).isEqualTo("AMOUNT_MISMATCH");
    }

    @Test
    void returnsACreditInAnotherCurrencyInThatCurrency() {
        String orderId = newOrder();

        publish(creditFor(orderId).currency("JPY").amount("1100"));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertReturnedInFull(transfer, "1100", "JPY", investorIban);
        assertThat(order(orderId).get("status").asString())
                .as("a credit in another currency does not make the amount incorrect")
                .isEqualTo("CREATED");
        assertThat(ops.count("unidentified", "JPY")).isPositive();
        assertThat(ops.count("returns", "JPY")).isPositive();
    }

    @Test
    void marksAnOrderPaidWithTheWrongAmountIncorrectAndAccountsItWhenTheRightAmountComes() {
        String orderId = newOrder();

        publish(creditFor(orderId).amount("1000.00"));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertReturnedInFull(transfer, "1000", "EUR", investorIban);
        JsonNode incorrect = awaitStatus(orderId, "INCORRECT_AMOUNT");
        assertThat(transitionsTo(incorrect, "INCORRECT_AMOUNT"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("previousStatus").asString()).isEqualTo("CREATED"));

        publish(creditFor(orderId).amount("1200.00"));

        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        ops.unidentified("candidateOrderId=" + orderId)
                                .get("total")
                                .asLong())
                .isEqualTo(2));
        assertThat(transitionsTo(order(orderId), "INCORRECT_AMOUNT"))
                .as("an order whose amount is already incorrect stays so")
                .hasSize(1);

        publish(creditFor(orderId));

        JsonNode accounted = awaitStatus(orderId, "ACCOUNTED");
        assertThat(transitionsTo(accounted, "ACCOUNTED"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("previousStatus").asString()).isEqualTo("INCORRECT_AMOUNT"));
        assertThat(payment(orderId).get("moneyin").get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(ops.unidentified("candidateOrderId=" + orderId)
                        .get("items")
                        .valueStream()
                        .map(t -> t.get("reason").asString()))
                .containsExactly("AMOUNT_MISMATCH", "AMOUNT_MISMATCH");
    }

    @Test
    void returnsACreditReceivedAfterThePaymentWindowAsOrderNotPayableBeforeTheOrderExpires() {
        JsonNode created = portal.order(campaign, investor, investorIban);
        String orderId = created.get("orderId").asString();
        OffsetDateTime windowEnd =
                OffsetDateTime.parse(created.get("paymentWindowEndsDatetime").asString());

        publish(creditFor(orderId)
                .with("receivedDatetime", windowEnd.plusMinutes(1).toString()));

        JsonNode transfer = awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertReturnedInFull(transfer, "1100", "EUR", investorIban);
        assertThat(order(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void matchesACreditToTheCollectionIbanWrittenInGroupsOfFour() {
        String orderId = newOrder();

        publish(creditFor(orderId).with("creditorIban", Ibans.asTyped(portal.collectionIban())));

        awaitStatus(orderId, "ACCOUNTED");
    }

    @Test
    void decidesTwoCopiesOfOneBankBookingInOneBatchAsOneMatchAndOneFeedDuplicate() {
        String orderId = newOrder();
        Credit credit = creditFor(orderId);
        Credit copy = credit.copy()
                .notificationId(Credits.newNotificationIdOnPartition(Credits.partitionOf(credit.notificationId())));
        long duplicates = ops.count("duplicates", "EUR");

        kafka.sendAll(
                Credits.TOPIC,
                List.of(
                        Map.entry(credit.notificationId(), credit.json()),
                        Map.entry(copy.notificationId(), copy.json())));

        awaitStatus(orderId, "ACCOUNTED");
        sentinelAfter(copy.notificationId());
        assertThat(ops.count("duplicates", "EUR")).isEqualTo(duplicates + 1);
        assertThat(ops.unidentified("candidateOrderId=" + orderId).get("total").asLong())
                .as("a copy of a booking is not a second payment")
                .isZero();
    }

    @Test
    void treatsTheSameBankReferenceOnAnotherPortalsAccountAsAnotherBooking() {
        TestPortal other = api.newPortal();
        String otherOrderId = other.order(other.openCampaign(), other.investor(), investorIban)
                .get("orderId")
                .asString();
        String orderId = newOrder();
        Credit credit = creditFor(orderId);
        Credit toTheOther = Credits.to(other.collectionIban())
                .bankReference(credit.bankReference())
                .description("Subscription " + otherOrderId)
                .payerIban(investorIban);

        publish(credit);
        publish(toTheOther);

        awaitStatus(orderId, "ACCOUNTED");
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        ApiClient.body(other.get("/orders/" + otherOrderId)
                                        .expectStatus()
                                        .isOk())
                                .get("status")
                                .asString())
                .isEqualTo("ACCOUNTED"));
    }

    @Test
    void decidesARedeliveredNotificationOnlyOnce() {
        String orderId = newOrder();
        Credit credit = creditFor(orderId);

        kafka.sendAll(
                Credits.TOPIC,
                List.of(
                        Map.entry(credit.notificationId(), credit.json()),
                        Map.entry(credit.notificationId(), credit.json())));
        awaitStatus(orderId, "ACCOUNTED");
        publish(credit);
        publish(credit.copy().amount("1000.00").description("Changed " + orderId));
        String sentinel = sentinelAfter(credit.notificationId());

        awaitPortalUnidentified(sentinel);
        assertThat(ops.unidentified("candidateOrderId=" + orderId).get("total").asLong())
                .as("a redelivery is not a second payment")
                .isZero();
        assertThat(portalUnidentified("").get("total").asLong()).isEqualTo(1);
        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(transitionsTo(order, "ACCOUNTED")).hasSize(1);
        assertThat(moneyouts(orderId).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void recordsTheSameBankReferenceUnderAnotherNotificationIdAsAFeedDuplicateOnly() {
        String orderId = newOrder();
        Credit credit = creditFor(orderId);
        publish(credit);
        awaitStatus(orderId, "ACCOUNTED");
        long duplicates = ops.count("duplicates", "EUR");

        Credit again = credit.copy().notificationId(Credits.newNotificationId());
        publish(again);

        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(ops.count("duplicates", "EUR"))
                .isEqualTo(duplicates + 1));
        sentinelAfter(again.notificationId());
        assertThat(ops.unidentified("candidateOrderId=" + orderId).get("total").asLong())
                .isZero();
        assertThat(ops.reviewItemsAbout("FEED_CONFLICT", again.notificationId()))
                .isEmpty();
        assertThat(moneyouts(orderId).get("total").asLong()).isEqualTo(2);
        assertThat(transitionsTo(order(orderId), "ACCOUNTED")).hasSize(1);
    }

    @Test
    void opensAFeedConflictWhenADuplicateBankReferenceCarriesAnotherAmountOrBookingDate() {
        String orderId = newOrder();
        Credit credit = creditFor(orderId).bookingDate("2026-11-20");
        publish(credit);
        awaitStatus(orderId, "ACCOUNTED");
        long duplicates = ops.count("duplicates", "EUR");

        Credit otherAmount =
                credit.copy().notificationId(Credits.newNotificationId()).amount("1200.00");
        Credit otherDate =
                credit.copy().notificationId(Credits.newNotificationId()).bookingDate("2026-11-21");
        publish(otherAmount);
        publish(otherDate);

        for (Credit conflicting : List.of(otherAmount, otherDate)) {
            JsonNode conflict = await().atMost(DECIDED)
                    .pollInterval(POLL)
                    .until(
                            () -> ops.reviewItemsAbout("FEED_CONFLICT", conflicting.notificationId()),
                            found -> !found.isEmpty())
                    .get(0);
            assertThat(conflict.get("status").asString()).isEqualTo("OPEN");
            assertThat(conflict.get("reviewItemId").asString()).startsWith("RI");
        }
        assertThat(ops.count("duplicates", "EUR")).isEqualTo(duplicates + 2);
        assertThat(ops.unidentified("candidateOrderId=" + orderId).get("total").asLong())
                .isZero();
        assertThat(moneyouts(orderId).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void matchesACreditFromAnotherAccountAndFlagsThePayerMismatch() {
        String orderId = newOrder();
        String otherAccount = Ibans.randomGerman();

        publish(creditFor(orderId).payerIban(otherAccount));

        awaitStatus(orderId, "ACCOUNTED");
        assertThat(payment(orderId).get("moneyin").get("payerIban").asString()).isEqualTo(otherAccount);
        awaitPayerMismatch(orderId);
    }

    @Test
    void matchesACreditFromAnotherPersonAndFlagsThePayerMismatch() {
        String orderId = newOrder();

        publish(creditFor(orderId).payerName("Giulia Rossi"));

        awaitStatus(orderId, "ACCOUNTED");
        awaitPayerMismatch(orderId);
    }

    @Test
    void flagsNoPayerMismatchWhenTheBankWritesTheInvestorDifferently() {
        String orderId = newOrder();

        publish(creditFor(orderId).payerName("ROSSI, MÀRIO").payerIban(Ibans.asTyped(investorIban)));

        awaitStatus(orderId, "ACCOUNTED");
        assertThat(ops.reviewItems("kind=PAYER_MISMATCH&orderId=" + orderId)
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void holdsTheReturnOfAnUnidentifiedCreditWithoutAValidPayerIban() {
        String withoutIban = "No IBAN " + UUID.randomUUID();
        String withBadIban = "Bad IBAN " + UUID.randomUUID();

        publish(Credits.to(portal.collectionIban()).description(withoutIban));
        publish(Credits.to(portal.collectionIban()).description(withBadIban).payerIban("DE00 1234 5678 9012"));

        for (String description : List.of(withoutIban, withBadIban)) {
            JsonNode transfer = awaitPortalUnidentified(description);
            String transferId = transfer.get("unidentifiedTransferId").asString();
            assertThat(transfer.get("reason").asString()).isEqualTo("MISSING_REFERENCE");
            assertThat(transfer.get("status").asString()).isEqualTo("RECEIVED");
            Map<String, Object> instruction = returnInstructionOf(transferId);
            assertThat(instruction.get("status")).isEqualTo("ON_HOLD");
            assertThat(instruction.get("type")).isEqualTo("TRANSFER_RETURN");
            assertThat(instruction.get("creditor_iban")).isNull();
            assertThat((BigDecimal) instruction.get("amount")).isEqualByComparingTo("1100");
            assertThat(ops.reviewItemsAbout("RETURN_IMPOSSIBLE", transferId))
                    .singleElement()
                    .satisfies(item -> assertThat(item.get("status").asString()).isEqualTo("OPEN"));
        }
    }

    @Test
    void returnsExactlyTheAmountReceivedInItsOwnCurrencyAndMinorDigits() {
        String orderId = newOrder();
        String payerIban = Ibans.randomGerman();
        String cent = "One cent " + UUID.randomUUID();

        publish(creditFor(orderId).currency("KWD").amount("1.234").payerIban(payerIban));
        publish(Credits.to(portal.collectionIban())
                .amount("0.01")
                .description(cent)
                .payerIban(payerIban));

        JsonNode dinars = awaitUnidentifiedNaming(orderId);
        assertThat(dinars.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertReturnedInFull(dinars, "1.234", "KWD", payerIban);
        JsonNode euroCent = awaitPortalUnidentified(cent);
        assertThat(euroCent.get("reason").asString()).isEqualTo("MISSING_REFERENCE");
        assertReturnedInFull(euroCent, "0.01", "EUR", payerIban);
    }

    @Test
    void filtersUnidentifiedTransfersByCandidateOrderAndReason() {
        String first = newOrder();
        String second = newOrder();
        String missing = "No reference " + UUID.randomUUID();

        publish(creditFor(first).amount("1.00"));
        publish(creditFor(second).amount("2.00"));
        publish(Credits.to(portal.collectionIban()).description(missing).payerIban(investorIban));

        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        portalUnidentified("").get("total").asLong())
                .isEqualTo(3));
        JsonNode ofFirst = portalUnidentified("candidateOrderId=" + first);
        assertThat(ofFirst.get("total").asLong()).isEqualTo(1);
        assertThat(ofFirst.get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("1");
        JsonNode ofSecond = ops.unidentified("candidateOrderId=" + second);
        assertThat(ofSecond.get("total").asLong()).isEqualTo(1);
        assertThat(ofSecond.get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("2");
        JsonNode mismatches = portalUnidentified("reason=AMOUNT_MISMATCH");
        assertThat(mismatches.get("items").valueStream().map(t -> t.get("candidateOrderId")
                        .asString()))
                .containsExactlyInAnyOrder(first, second);
        JsonNode withoutReference = portalUnidentified("reason=MISSING_REFERENCE");
        assertThat(withoutReference.get("items").valueStream().map(t -> t.get("description")
                        .asString()))
                .containsExactly(missing);
    }

    // --- the bank feed

    private void publish(Credit credit) {
        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());
    }

    /**
     * Publishes, on the partition of {@code key}, a credit naming no order, and waits for it: every record published
     * on that partition before it has then been processed. Answers its description.
     */
    private String sentinelAfter(String key) {
        String description = "Sentinel " + UUID.randomUUID();
        Credit sentinel = Credits.to(portal.collectionIban())
                .notificationId(Credits.newNotificationIdOnPartition(Credits.partitionOf(key)))
                .description(description)
                .payerIban(investorIban);
        publish(sentinel);
        awaitPortalUnidentified(description);
        return description;
    }

    private Credit creditFor(String orderId) {
        return Credits.to(portal.collectionIban())
                .description("Subscription " + orderId)
                .payerIban(investorIban);
    }

    // --- the portal's view

    private String newOrder() {
        return portal.order(campaign, investor, investorIban).get("orderId").asString();
    }

    private JsonNode order(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId).expectStatus().isOk());
    }

    private JsonNode awaitStatus(String orderId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        order(orderId).get("status").asString())
                .isEqualTo(status));
        return order(orderId);
    }

    private static List<JsonNode> transitionsTo(JsonNode order, String status) {
        return order.get("statusHistory")
                .valueStream()
                .filter(entry -> status.equals(entry.get("status").asString()))
                .toList();
    }

    private JsonNode moneyouts(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId + "/payment/moneyouts")
                .expectStatus()
                .isOk());
    }

    private static JsonNode moneyout(JsonNode moneyouts, String type) {
        List<JsonNode> ofType = moneyouts
                .get("items")
                .valueStream()
                .filter(m -> type.equals(m.get("type").asString()))
                .toList();
        assertThat(ofType).as("%s moneyouts", type).hasSize(1);
        return ofType.get(0);
    }

    private JsonNode payment(String orderId) {
        return ApiClient.body(
                portal.get("/orders/" + orderId + "/payment").expectStatus().isOk());
    }

    private JsonNode portalUnidentified(String query) {
        return ApiClient.body(portal.get("/unidentified-transfers?size=500&" + query)
                .expectStatus()
                .isOk());
    }

    private JsonNode awaitPortalUnidentified(String description) {
        return await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(
                        () -> portalUnidentified("")
                                .get("items")
                                .valueStream()
                                .filter(t ->
                                        description.equals(t.path("description").asString(null)))
                                .toList(),
                        found -> !found.isEmpty())
                .get(0);
    }

    // --- the operator's view

    /** The one unidentified transfer whose candidate is {@code orderId}, once there. */
    private JsonNode awaitUnidentifiedNaming(String orderId) {
        JsonNode page = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(
                        () -> ops.unidentified("candidateOrderId=" + orderId),
                        found -> found.get("total").asLong() > 0);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode transfer = page.get("items").get(0);
        assertThat(transfer.get("candidateOrderId").asString()).isEqualTo(orderId);
        return transfer;
    }

    private void awaitPayerMismatch(String orderId) {
        JsonNode items = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(
                        () -> ops.reviewItems("kind=PAYER_MISMATCH&orderId=" + orderId),
                        found -> found.get("total").asLong() > 0);
        assertThat(items.get("total").asLong()).isEqualTo(1);
        assertThat(items.get("items").get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(items.get("items").get(0).get("portalId").asString()).isEqualTo(portal.portalId());
    }

    /** The transfer is being returned: one return instruction of exactly its amount, in its currency, to the payer. */
    private void assertReturnedInFull(JsonNode transfer, String amount, String currency, String payerIban) {
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(transfer.get("currency").asString()).isEqualTo(currency);
        Map<String, Object> instruction =
                returnInstructionOf(transfer.get("unidentifiedTransferId").asString());
        assertThat(instruction.get("type")).isEqualTo("TRANSFER_RETURN");
        assertThat(instruction.get("status")).isEqualTo("CREATED");
        assertThat((BigDecimal) instruction.get("amount")).isEqualByComparingTo(amount);
        assertThat(instruction.get("currency")).isEqualTo(currency);
        assertThat(instruction.get("creditor_iban")).isEqualTo(payerIban);
    }

    /** The one instruction returning {@code transferId} (no API lists instructions; read from the database). */
    private Map<String, Object> returnInstructionOf(String transferId) {
        List<Map<String, Object>> instructions = database.sql(
                        """
                        SELECT type, status, amount, currency, creditor_iban FROM payment_instruction
                         WHERE unidentified_transfer_id = :id""")
                .bind("id", transferId)
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(instructions).hasSize(1);
        return instructions.get(0);
    }

    private static String withDigitChanged(String orderId, int index) {
        char digit = orderId.charAt(index);
        char changed = (char) ('0' + (digit - '0' + 1) % 10);
        String mistyped = orderId.substring(0, index) + changed + orderId.substring(index + 1);
        assertThat(OrderId.isValid(mistyped)).isFalse();
        return mistyped;
    }

    private static String creditorReferenceWithWrongCheckDigits(String orderId) {
        for (int check = 2; check < 99; check++) {
            String reference = String.format("RF%02d%s", check, orderId);
            if (!CreditorReference.hasValidCheckDigits(reference)) {
                return reference;
            }
        }
        throw new IllegalStateException("every check digit is valid?");
    }
}
