package io.crowdrecon.recon.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFileApi;
import io.crowdrecon.recon.testing.CamtFiles;
import io.crowdrecon.recon.testing.CamtFiles.Statement;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19: a portal's collection account statement checked against the books, entry by entry and by balance, on the
 * real servers; files posted by ops as the bank wrote them.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class BankStatementReconciliationIT {

    /** A day in the past, so that no instruction executed today falls in a statement's period. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Fixture
    BankFileApi files;

    @Test
    void aStatementWithOneMissedNotificationAndOnePhantomCreditYieldsExactlyThoseTwoItemsAndBreaksByThePhantom() {
        String notifiedPayer = Ibans.randomGerman();
        String missedPayer = Ibans.randomGerman();
        String phantomPayer = Ibans.randomGerman();
        String notified = flows.newOrder(notifiedPayer);
        String phantom = flows.newOrder(phantomPayer);
        String missed = flows.newOrder(missedPayer);
        Credit notifiedCredit = payOnDay(notified, notifiedPayer);
        Credit phantomCredit = payOnDay(phantom, phantomPayer);
        assertThat(flows.moneyouts(phantom))
                .allMatch(m -> m.get("status").asString().equals("AVAILABLE"));

        Statement statement = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("5000.00")
                .credit(notifiedCredit.bankReference(), "1100.00", DAY, notifiedPayer, "Subscription " + notified)
                .credit("MISSED-" + UUID.randomUUID(), "1100.00", DAY, missedPayer, "Subscription " + missed);
        JsonNode receipt = files.post(statement.camt053());
        assertThat(receipt.get("status").asString()).isEqualTo("BOOKED");
        assertThat(receipt.get("format").asString()).isEqualTo("CAMT_053");

        JsonNode booked = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(booked.get("status").asString()).isEqualTo("BREAKS");
        assertThat(booked.get("matched").asInt()).isEqualTo(1);
        assertThat(booked.get("missed").asInt()).isEqualTo(1);
        assertThat(booked.get("notOnStatement").asInt()).isEqualTo(1);
        assertThat(booked.get("mismatched").asInt()).isZero();
        assertThat(booked.get("expectedClosingBalance").decimalValue()).isEqualByComparingTo("8300.00");
        assertThat(booked.get("closingBalance").decimalValue()).isEqualByComparingTo("7200.00");
        assertThat(booked.get("difference").decimalValue()).isEqualByComparingTo("-1100.00");
        assertThat(booked.get("explained").decimalValue()).isEqualByComparingTo("-1100.00");

        // The missed credit was decided like any other: its order is paid, its notification says where it came from.
        flows.awaitStatus(missed, "ACCOUNTED");
        // The phantom's money never arrived: it is not paid out.
        assertThat(flows.moneyouts(phantom))
                .isNotEmpty()
                .allMatch(m -> m.get("status").asString().equals("HELD"));
        assertThat(BankFileApi.openItemsOfPortal(flows))
                .extracting(item -> item.get("kind").asString())
                .containsExactlyInAnyOrder("MISSED_NOTIFICATION", "NOT_ON_STATEMENT");
        JsonNode notOnStatement = BankFileApi.openItemsOfPortal(flows).stream()
                .filter(item -> item.get("kind").asString().equals("NOT_ON_STATEMENT"))
                .findFirst()
                .orElseThrow();
        assertThat(notOnStatement.get("subjectId").asString()).isEqualTo(phantomCredit.notificationId());
        assertThat(notOnStatement.get("orderId").asString()).isEqualTo(phantom);

        List<JsonNode> entries = files.entriesOf(booked.get("bankStatementId").asString());
        assertThat(entries).extracting(e -> e.get("outcome").asString()).containsExactly("MATCHED", "MISSED");
        assertThat(entries.get(0).get("notificationId").asString()).isEqualTo(notifiedCredit.notificationId());
        JsonNode decidedFromTheStatement = ApiClient.body(api.get(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/notifications/"
                                + entries.get(1).get("notificationId").asString())
                .expectStatus()
                .isOk());
        assertThat(decidedFromTheStatement.get("source").asString()).isEqualTo("STATEMENT");
        assertThat(decidedFromTheStatement.get("orderId").asString()).isEqualTo(missed);
        assertThat(decidedFromTheStatement.get("payerIban").asString()).isEqualTo(missedPayer);
    }

    @Test
    void aCleanStatementIsReconciledWithDifferenceZeroAndTheNextDayContinuesIt() {
        String payer = Ibans.randomGerman();
        String first = flows.newOrder(payer);
        String second = flows.newOrder(payer);
        Credit firstCredit = payOnDay(first, payer);
        JsonNode day1 = files.onlyStatementOf(files.post(CamtFiles.of(collectionIban())
                        .day(DAY)
                        .sequence(41)
                        .opening("0.00")
                        .credit(firstCredit.bankReference(), "1100.00", DAY, payer, "Subscription " + first)
                        .camt053())
                .get("bankFileId")
                .asString());
        assertThat(day1.get("status").asString()).isEqualTo("RECONCILED");
        assertThat(day1.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(day1.get("explained").decimalValue()).isEqualByComparingTo("0");

        Credit secondCredit =
                flows.creditFor(second, payer).bookingDate(DAY.plusDays(1).toString());
        flows.publish(secondCredit);
        flows.awaitStatus(second, "ACCOUNTED");
        JsonNode day2 = files.onlyStatementOf(files.post(CamtFiles.of(collectionIban())
                        .day(DAY.plusDays(1))
                        .sequence(42)
                        .opening("1100.00")
                        .credit(
                                secondCredit.bankReference(),
                                "1100.00",
                                DAY.plusDays(1),
                                payer,
                                "Subscription " + second)
                        .camt053())
                .get("bankFileId")
                .asString());
        assertThat(day2.get("status").asString()).isEqualTo("RECONCILED");
        assertThat(day2.get("expectedClosingBalance").decimalValue()).isEqualByComparingTo("2200.00");
        assertThat(BankFileApi.openItemsOfPortal(flows)).isEmpty();

        // A skipped sequence number and an opening balance that is not the last closing one: a gap, said once.
        JsonNode day4 = files.onlyStatementOf(files.post(CamtFiles.of(collectionIban())
                        .day(DAY.plusDays(3))
                        .sequence(44)
                        .opening("2300.00")
                        .camt053())
                .get("bankFileId")
                .asString());
        assertThat(day4.get("status").asString()).isEqualTo("BREAKS");
        assertThat(day4.get("difference").decimalValue())
                .isEqualByComparingTo(day4.get("explained").decimalValue());
        assertThat(BankFileApi.openItemsOfPortal(flows))
                .extracting(item -> item.get("kind").asString())
                .containsOnly("STATEMENT_GAP");
    }

    @Test
    void theSameCreditInTheDaysNotificationOnTheFeedAndInTheEveningStatementIsDecidedOnce() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String reference = "ACSR-" + UUID.randomUUID();
        Statement day = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(7)
                .opening("100.00")
                .credit(reference, "1100.00", DAY, payer, "Subscription " + orderId);

        JsonNode notification = files.post(day.camt054());
        assertThat(notification.get("format").asString()).isEqualTo("CAMT_054");
        flows.awaitStatus(orderId, "ACCOUNTED");
        // The same booking on the JSON feed: a duplicate of the feed, not a second payment.
        flows.publish(flows.creditFor(orderId, payer).bankReference(reference).bookingDate(DAY.toString()));
        JsonNode statement = files.onlyStatementOf(
                files.post(day.camt053()).get("bankFileId").asString());

        assertThat(statement.get("status").asString()).isEqualTo("RECONCILED");
        assertThat(statement.get("matched").asInt()).isEqualTo(1);
        assertThat(flows.transitionsTo(orderId, "ACCOUNTED")).hasSize(1);
        assertThat(flows.ops().audit().path("checks").toString()).doesNotContain("\"ok\":false");
    }

    @Test
    void theSameFileAgainAnswersTheFirstFilesIdAndChangesNothing() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        Statement day = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(3)
                .opening("0.00")
                .credit("ONCE-" + UUID.randomUUID(), "1100.00", DAY, payer, "Subscription " + orderId);
        String xml = day.camt053();
        JsonNode first = files.post(xml);
        JsonNode sameBytes = files.post(xml);
        JsonNode sameStatement = files.post(xml.replace("<Document", "\n<Document"));

        assertThat(first.get("repeated").asBoolean()).isFalse();
        assertThat(sameBytes.get("bankFileId").asString())
                .isEqualTo(first.get("bankFileId").asString());
        assertThat(sameBytes.get("repeated").asBoolean()).isTrue();
        assertThat(sameStatement.get("bankFileId").asString())
                .isEqualTo(first.get("bankFileId").asString());
        assertThat(sameStatement.get("repeated").asBoolean()).isTrue();
        assertThat(flows.transitionsTo(orderId, "ACCOUNTED")).hasSize(1);
        assertThat(BankFileApi.openItemsOfPortal(flows))
                .extracting(i -> i.get("kind").asString())
                .containsExactly("MISSED_NOTIFICATION");
    }

    @Test
    void aStatementThatDoesNotAddUpIsInvalidAndBooksNothing() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        JsonNode receipt = files.post(CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(9)
                .opening("0.00")
                .credit("INV-" + UUID.randomUUID(), "1100.00", DAY, Ibans.randomGerman(), "Subscription " + orderId)
                .closing("1000.00")
                .camt053());

        assertThat(receipt.get("status").asString()).isEqualTo("BOOKED");
        JsonNode statement = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(statement.get("status").asString()).isEqualTo("INVALID");
        assertThat(statement.get("problems").asString()).contains("1000.00");
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("CREATED");
        assertThat(BankFileApi.openItemsOfPortal(flows))
                .extracting(i -> i.get("kind").asString())
                .containsExactly("STATEMENT_INVALID");
        assertThat(files.entriesOf(statement.get("bankStatementId").asString())).isEmpty();
    }

    @Test
    void aCreditNotOnTheStatementIsReleasedOrReversedByOps() {
        String payer = Ibans.randomGerman();
        String released = flows.newOrder(payer);
        String reversed = flows.newOrder(payer);
        Credit releasedCredit = payOnDay(released, payer);
        Credit reversedCredit = payOnDay(reversed, payer);
        files.post(CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .camt053());
        JsonNode releaseItem = flows.awaitReview("NOT_ON_STATEMENT", releasedCredit.notificationId());
        JsonNode reverseItem = flows.awaitReview("NOT_ON_STATEMENT", reversedCredit.notificationId());

        resolve(releaseItem, "RELEASE").expectStatus().isOk();
        resolve(reverseItem, "REVERSE").expectStatus().isOk();

        assertThat(flows.moneyouts(released))
                .allMatch(m -> m.get("status").asString().equals("AVAILABLE"));
        assertThat(flows.order(released).get("status").asString()).isEqualTo("ACCOUNTED");
        flows.awaitStatus(reversed, "WAITING");
        assertThat(flows.payment(reversed).path("moneyin").path("status").asString())
                .isEqualTo("RECALLED");
    }

    @Test
    void anUnknownAccountsEntriesAreUnknownAccountCreditsAndTheFileSaysSo() {
        String stranger = Ibans.randomGerman();
        JsonNode receipt = files.post(CamtFiles.of(stranger)
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .credit("UNK-" + UUID.randomUUID(), "12.34", DAY, Ibans.randomGerman(), "Who am I")
                .camt053());

        JsonNode statement = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(statement.get("status").asString()).isEqualTo("BOOKED");
        assertThat(statement.path("portalId").isNull()).isTrue();
        assertThat(statement.get("problems").asString()).contains("no portal's collection account");
        assertThat(files.entriesOf(statement.get("bankStatementId").asString()))
                .extracting(e -> e.get("outcome").asString())
                .containsExactly("NOTIFIED");
    }

    @Test
    void aFileOnTheBankFilesTopicIsBookedAndAnUnreadableOneIsDeadLetteredWithTheReason() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        kafka.send(
                "recon.bank-files",
                null,
                CamtFiles.of(collectionIban())
                        .day(DAY)
                        .credit(
                                "KAFKA-" + UUID.randomUUID(),
                                "1100.00",
                                DAY,
                                Ibans.randomGerman(),
                                "Subscription " + orderId)
                        .camt054()
                        .getBytes(StandardCharsets.UTF_8));
        flows.awaitStatus(orderId, "ACCOUNTED");

        long before = System.currentTimeMillis();
        String garbage = "not a bank file " + UUID.randomUUID();
        kafka.send("recon.bank-files", "garbage", garbage);
        await().atMost(PaymentFlows.DECIDED).pollInterval(PaymentFlows.POLL).untilAsserted(() -> assertThat(
                        kafka.readSince("recon.bank-files.dlq", before))
                .anySatisfy(record -> {
                    assertThat(record.value()).isEqualTo(garbage);
                    assertThat(new String(
                                    record.headers().lastHeader("x-dlq-reason").value(), StandardCharsets.UTF_8))
                            .contains("REJECTED");
                }));
    }

    @Test
    void filesThatAreNoBankFilesAreRefusedWithTheReasonAndChangeNothing() {
        String doctype =
                """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>
                """;
        JsonNode refused = ApiClient.body(
                files.postRaw(doctype, MediaType.APPLICATION_XML).expectStatus().isEqualTo(422));
        assertThat(refused.get("code").asString()).isEqualTo("BANK_FILE_REJECTED");
        assertThat(refused.get("detail").asString())
                .containsIgnoringCase("DOCTYPE")
                .doesNotContain("root:");

        JsonNode garbage = ApiClient.body(files.postRaw("hello " + UUID.randomUUID(), MediaType.TEXT_PLAIN)
                .expectStatus()
                .isEqualTo(422));
        assertThat(garbage.get("code").asString()).isEqualTo("BANK_FILE_REJECTED");
        String rejectedId = garbage.get("detail").asString().replaceAll(".*Bank file (BFL\\w+).*", "$1");
        JsonNode file = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/bank-files/" + rejectedId)
                .expectStatus()
                .isOk());
        assertThat(file.get("status").asString()).isEqualTo("REJECTED");
        assertThat(file.get("reason").asString()).isNotBlank();

        JsonNode json = ApiClient.body(
                files.postRaw("{}", MediaType.APPLICATION_JSON).expectStatus().isEqualTo(415));
        assertThat(json.get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    // --- helpers

    private String collectionIban() {
        return flows.portal().collectionIban();
    }

    /** Pays the order by a JSON credit booked on {@link #DAY}; answers the credit. */
    private Credit payOnDay(String orderId, String payer) {
        Credit credit = flows.creditFor(orderId, payer).bookingDate(DAY.toString());
        flows.publish(credit);
        flows.awaitStatus(orderId, "ACCOUNTED");
        return credit;
    }

    private WebTestClient.ResponseSpec resolve(JsonNode item, String action) {
        return api.put(
                ApiClient.OPS_KEY,
                "/api/v1/ops/review-items/" + item.get("reviewItemId").asString() + "/resolved",
                Map.of("note", "checked with the bank", "action", action));
    }
}
