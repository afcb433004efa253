package io.crowdrecon.recon.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFileApi;
import io.crowdrecon.recon.testing.BankFileTexts;
import io.crowdrecon.recon.testing.CamtFiles;
import io.crowdrecon.recon.testing.CamtFiles.Statement;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19: bank files of every format and version, their optional parts, our instructions' debits, bad input, the same
 * file at once, and the topic, on the real servers (what {@link BankStatementReconciliationIT} does not cover). Each
 * file is written for its test from the standard's structure ({@link BankFileTexts}, {@link CamtFiles}).
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class BankFileInputsIT {

    /** A day in the past, so that no instruction executed or credit booked today falls in a statement's period. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    static final String TOPIC = "recon.bank-files";
    static final String DLQ = "recon.bank-files.dlq";

    @Fixture
    private static TestKafka kafka;

    @Autowired
    WebTestClient web;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    BookBankFile bookBankFile;

    @Autowired
    DatabaseClient database;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Fixture
    BankFileApi files;

    // --- each format end to end

    @Test
    void anMt940WithGermanSepaSubfieldsPostedAsTextPlainPaysTheOrder() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String reference = BankFileTexts.bankReference();

        JsonNode receipt = files.post(
                BankFileTexts.mt940German(collectionIban(), DAY, reference, "1100.00", payer, orderId),
                MediaType.TEXT_PLAIN);

        assertThat(receipt.get("format").asString()).isEqualTo("MT940");
        assertThat(receipt.get("status").asString()).isEqualTo("BOOKED");
        flows.awaitStatus(orderId, "ACCOUNTED");
        JsonNode statement = paidFromTheStatement(receipt, 1);
        assertThat(statement.get("kind").asString()).isEqualTo("STATEMENT");
        JsonNode credit = onlyCreditOf(statement);
        assertThat(credit.get("bankReference").asString()).isEqualTo(reference);
        assertThat(credit.get("source").asString()).isEqualTo("STATEMENT");
        assertThat(credit.get("orderId").asString()).isEqualTo(orderId);
        assertThat(credit.get("payerIban").asString()).isEqualTo(payer);
        assertThat(credit.get("payerName").asString()).isEqualTo("Mario Rossi");
        // SVWZ+ is the purpose, cut by the bank across three subfields: joined again, the order id whole.
        assertThat(credit.get("description").asString())
                .isEqualTo("Zeichnung Seed-Runde Order " + orderId + " Mario Rossi");
        assertThat(credit.get("bookingDate").asString()).isEqualTo(DAY.toString());
        assertThat(credit.get("amount").decimalValue()).isEqualByComparingTo("1100.00");
    }

    @Test
    void anMt940WithFreeTextInformationPaysTheOrder() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        String reference = BankFileTexts.bankReference();

        JsonNode receipt = files.post(
                BankFileTexts.mt940FreeText(collectionIban(), DAY, reference, "1100.00", "Subscription " + orderId),
                MediaType.TEXT_PLAIN);

        assertThat(receipt.get("format").asString()).isEqualTo("MT940");
        flows.awaitStatus(orderId, "ACCOUNTED");
        // Free text names no payer's account: the matcher pays the order and flags the payer it cannot check.
        JsonNode credit = onlyCreditOf(paidFromTheStatement(receipt, 1, "PAYER_MISMATCH"));
        assertThat(credit.get("bankReference").asString()).isEqualTo(reference);
        assertThat(credit.get("orderId").asString()).isEqualTo(orderId);
        assertThat(credit.get("description").asString()).startsWith("Subscription " + orderId);
        assertThat(credit.path("payerIban").isNull()).isTrue();
    }

    @Test
    void aCamt052ReportsBookedCreditPaysTheOrderAndItsPendingCreditIsNeverDecided() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String reference = BankFileTexts.bankReference();

        JsonNode receipt = files.post(BankFileTexts.camt052v02(
                collectionIban(), DAY, reference, "1100.00", payer, "Subscription " + orderId));

        assertThat(receipt.get("format").asString()).isEqualTo("CAMT_052");
        flows.awaitStatus(orderId, "ACCOUNTED");
        JsonNode report = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(report.get("kind").asString()).isEqualTo("REPORT");
        assertThat(report.get("status").asString()).isEqualTo("BOOKED");
        List<JsonNode> entries = files.entriesOf(report.get("bankStatementId").asString());
        assertThat(entries).extracting(e -> e.get("outcome").asString()).containsExactly("NOTIFIED", "NOT_BOOKED");
        JsonNode credit =
                files.notification(entries.get(0).get("notificationId").asString());
        assertThat(credit.get("source").asString()).isEqualTo("BANK_FILE");
        assertThat(credit.get("orderId").asString()).isEqualTo(orderId);
        assertThat(credit.get("bankReference").asString()).isEqualTo(reference);
        // Money the bank has not booked has not moved: no notification of it.
        api.get(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/notifications/"
                                + entries.get(1).get("notificationId").asString())
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aCamt053v02BatchEntryPaysTwoOrdersAndAnEntryWithOnlyAnNtryRefPaysAThird() {
        String payer = Ibans.randomGerman();
        String first = flows.newOrder(payer);
        String second = flows.newOrder(payer);
        String third = flows.newOrder(payer);
        String batch = BankFileTexts.bankReference();
        String entryReference = "NREF-" + BankFileTexts.bankReference();

        JsonNode receipt = files.post(
                BankFileTexts.camt053v02(collectionIban(), DAY, batch, entryReference, payer, first, second, third));

        assertThat(receipt.get("format").asString()).isEqualTo("CAMT_053");
        flows.awaitStatus(first, "ACCOUNTED");
        flows.awaitStatus(second, "ACCOUNTED");
        flows.awaitStatus(third, "ACCOUNTED");
        JsonNode statement = paidFromTheStatement(receipt, 3);
        assertThat(statement.get("creditsSum").decimalValue()).isEqualByComparingTo("3300.00");
        List<JsonNode> entries =
                files.entriesOf(statement.get("bankStatementId").asString());
        // One credit per transaction of the batch, each named by the entry's reference and its position.
        assertThat(entries)
                .extracting(e -> e.get("entryIndex").asInt() + ":"
                        + e.get("transactionIndex").asInt() + " "
                        + e.get("bankReference").asString() + " "
                        + e.get("amount").decimalValue().toPlainString())
                .containsExactly(
                        "0:0 " + batch + "/1 1100.00",
                        "0:1 " + batch + "/2 1100.00",
                        "1:0 " + entryReference + " 1100.00");
        assertThat(entries)
                .extracting(e -> files.notification(e.get("notificationId").asString())
                        .get("orderId")
                        .asString())
                .containsExactly(first, second, third);
        assertThat(files.notification(entries.get(1).get("notificationId").asString())
                        .get("description")
                        .asString())
                .isEqualTo("Subscription " + second);
    }

    @Test
    void aCamt053v04CreditWithOnlyAStructuredCreditorReferenceAndAProprietaryCodePaysTheOrder() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String paymentReference = flows.order(orderId).get("paymentReference").asString();
        assertThat(paymentReference).startsWith("RF");
        String reference = BankFileTexts.bankReference();

        JsonNode receipt =
                files.post(BankFileTexts.camt053v04(collectionIban(), DAY, reference, payer, paymentReference));

        assertThat(receipt.get("format").asString()).isEqualTo("CAMT_053");
        flows.awaitStatus(orderId, "ACCOUNTED");
        JsonNode credit = onlyCreditOf(paidFromTheStatement(receipt, 1));
        assertThat(credit.get("structuredReference").asString()).isEqualTo(paymentReference);
        assertThat(credit.path("description").isNull()).isTrue();
        assertThat(credit.get("orderId").asString()).isEqualTo(orderId);
        assertThat(files.file(receipt.get("bankFileId").asString())
                        .get("version")
                        .asString())
                .isEqualTo("001.04");
    }

    @Test
    void aCamt054v04NotificationPaysTheOrder() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String reference = BankFileTexts.bankReference();

        JsonNode receipt = files.post(BankFileTexts.camt054v04(
                collectionIban(), DAY, reference, "1100.00", payer, "Subscription " + orderId));

        assertThat(receipt.get("format").asString()).isEqualTo("CAMT_054");
        assertThat(receipt.get("repeated").asBoolean()).isFalse();
        flows.awaitStatus(orderId, "ACCOUNTED");
        JsonNode notification = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(notification.get("kind").asString()).isEqualTo("NOTIFICATION");
        assertThat(notification.get("status").asString()).isEqualTo("BOOKED");
        List<JsonNode> entries =
                files.entriesOf(notification.get("bankStatementId").asString());
        assertThat(entries).extracting(e -> e.get("outcome").asString()).containsExactly("NOTIFIED");
        JsonNode credit =
                files.notification(entries.get(0).get("notificationId").asString());
        assertThat(credit.get("source").asString()).isEqualTo("BANK_FILE");
        assertThat(credit.get("orderId").asString()).isEqualTo(orderId);
        assertThat(credit.get("payerIban").asString()).isEqualTo(payer);
    }

    // --- debits

    @Test
    void aStatementsDebitOfOurInstructionExecutesItAndTheStatementIsReconciled() {
        long since = System.currentTimeMillis();
        JsonNode transfer = flows.unidentifiedTransfer("75.00", Ibans.randomGerman());
        String transferId = transfer.get("unidentifiedTransferId").asString();
        String instructionId = flows.returnInstructionOf(since, transferId);
        String amount =
                flows.instruction(instructionId).get("amount").decimalValue().toPlainString();

        JsonNode receipt = files.post(CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("500.00")
                .debit(BankFileTexts.bankReference(), amount, DAY, instructionId)
                .camt053());

        assertThat(flows.awaitInstructionStatus(instructionId, "EXECUTED")
                        .get("status")
                        .asString())
                .isEqualTo("EXECUTED");
        flows.awaitTransferStatus(transferId, "RETURNED");
        JsonNode statement = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(statement.get("status").asString()).isEqualTo("RECONCILED");
        assertThat(statement.get("debitsSum").decimalValue()).isEqualByComparingTo(amount);
        assertThat(statement.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(files.entriesOf(statement.get("bankStatementId").asString()))
                .extracting(e -> e.get("outcome").asString())
                .containsExactly("INSTRUCTION_EXECUTED");
    }

    @Test
    void ourPaymentCreditedBackWithAReturnReasonFailsItsInstructionWithThatCode() {
        long since = System.currentTimeMillis();
        JsonNode transfer = flows.unidentifiedTransfer("81.00", Ibans.randomGerman());
        String transferId = transfer.get("unidentifiedTransferId").asString();
        String instructionId = flows.returnInstructionOf(since, transferId);
        String amount =
                flows.instruction(instructionId).get("amount").decimalValue().toPlainString();

        files.post(CamtFiles.of(collectionIban())
                .day(DAY)
                .returnedToUs(BankFileTexts.bankReference(), amount, DAY, instructionId, "AM05")
                .camt054());

        JsonNode failed = flows.awaitInstructionStatus(instructionId, "FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("AM05");
        flows.awaitTransferStatus(transferId, "RETURN_FAILED");
        assertThat(flows.awaitReview("INSTRUCTION_FAILED", instructionId)
                        .get("detail")
                        .asString())
                .contains("AM05");
    }

    @Test
    void aReturnOfOurInstructionFailsItWithTheBanksReasonCode() {
        long since = System.currentTimeMillis();
        JsonNode transfer = flows.unidentifiedTransfer("80.00", Ibans.randomGerman());
        String transferId = transfer.get("unidentifiedTransferId").asString();
        String instructionId = flows.returnInstructionOf(since, transferId);
        String amount =
                flows.instruction(instructionId).get("amount").decimalValue().toPlainString();

        JsonNode receipt = files.post(CamtFiles.of(collectionIban())
                .day(DAY)
                .returned(BankFileTexts.bankReference(), amount, DAY, instructionId, "AC04")
                .camt054());

        JsonNode failed = flows.awaitInstructionStatus(instructionId, "FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("AC04");
        flows.awaitTransferStatus(transferId, "RETURN_FAILED");
        assertThat(flows.awaitReview("INSTRUCTION_FAILED", instructionId)
                        .get("detail")
                        .asString())
                .contains("AC04");
        assertThat(files.entriesOf(
                        files.onlyStatementOf(receipt.get("bankFileId").asString())
                                .get("bankStatementId")
                                .asString()))
                .extracting(e -> e.get("outcome").asString())
                .containsExactly("INSTRUCTION_RETURNED");
    }

    @Test
    void aBankChargeNamingNothingIsAnUnexpectedDebitThatExplainsTheStatementsBreak() {
        JsonNode receipt = files.post(CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("100.00")
                .charge(BankFileTexts.bankReference(), "12.50", DAY, "Kontofuehrung 10/2026")
                .camt053());

        JsonNode statement = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(statement.get("status").asString()).isEqualTo("BREAKS");
        assertThat(statement.get("unexpectedDebits").asInt()).isEqualTo(1);
        assertThat(statement.get("unexpectedDebitsSum").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(statement.get("difference").decimalValue())
                .isEqualByComparingTo(statement.get("explained").decimalValue())
                .isEqualByComparingTo("-12.50");
        List<JsonNode> entries =
                files.entriesOf(statement.get("bankStatementId").asString());
        assertThat(entries).extracting(e -> e.get("outcome").asString()).containsExactly("UNEXPECTED_DEBIT");
        JsonNode item = flows.awaitReview(
                "UNEXPECTED_DEBIT", entries.get(0).get("notificationId").asString());
        assertThat(item.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        assertThat(item.get("detail").asString()).contains("12.50").contains("bank charges");
    }

    // --- bad input

    @Test
    void unreadableFilesAreRefusedWithTheReasonAndChangeNothingAcceptedBefore() {
        String payer = Ibans.randomGerman();
        String paid = flows.newOrder(payer);
        JsonNode accepted = files.post(BankFileTexts.camt054v04(
                collectionIban(), DAY, BankFileTexts.bankReference(), "1100.00", payer, "Subscription " + paid));
        flows.awaitStatus(paid, "ACCOUNTED");
        String unpaid = flows.newOrder(payer);
        Statement statement = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(2)
                .opening("0.00")
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + unpaid);

        String xml = statement.camt053();
        assertThat(files.refused(xml.substring(0, xml.length() / 2), MediaType.APPLICATION_XML)
                        .get("detail")
                        .asString())
                .contains("REJECTED");
        String mt940 = BankFileTexts.mt940German(
                collectionIban(), DAY, BankFileTexts.bankReference(), "1100.00", payer, unpaid);
        assertThat(files.refused(mt940.replace(":60F:C", ":60F:X"), MediaType.TEXT_PLAIN)
                        .get("detail")
                        .asString())
                .contains(":60F:");
        assertThat(files.refused(pain001(), MediaType.APPLICATION_XML)
                        .get("detail")
                        .asString())
                .contains("pain.001");
        assertThat(files.refused("", MediaType.APPLICATION_XML).get("detail").asString())
                .contains("REJECTED");
        assertThat(files.refused(billionLaughs(), MediaType.TEXT_XML)
                        .get("detail")
                        .asString())
                .containsIgnoringCase("DOCTYPE")
                .doesNotContain("lol");
        String tooPrecise = CamtFiles.of(collectionIban())
                .day(DAY)
                .credit(BankFileTexts.bankReference(), "1100.001", DAY, payer, "Subscription " + unpaid)
                .camt054();
        assertThat(files.refused(tooPrecise, MediaType.APPLICATION_XML)
                        .get("detail")
                        .asString())
                .contains("1100.001")
                .contains("decimals");

        assertThat(flows.order(unpaid).get("status").asString()).isEqualTo("CREATED");
        assertThat(flows.order(paid).get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(flows.transitionsTo(paid, "ACCOUNTED")).hasSize(1);
        JsonNode acceptedFile = files.file(accepted.get("bankFileId").asString());
        assertThat(acceptedFile.get("status").asString()).isEqualTo("BOOKED");
        assertThat(acceptedFile.get("entryCount").asInt()).isEqualTo(1);
        assertThat(BankFileApi.openItemsOfPortal(flows)).isEmpty();
        // The service stays healthy: the statement the truncated file held is booked when it comes whole.
        assertThat(files.post(xml).get("status").asString()).isEqualTo("BOOKED");
        flows.awaitStatus(unpaid, "ACCOUNTED");
    }

    /**
     * The readers refuse an amount with more decimals than its currency wherever it is (CamtReader's contract): such a
     * statement is no statement to judge, and its whole file is REJECTED, not booked with the statement INVALID.
     */
    @Test
    void aStatementWithAnAmountOfMoreDecimalsThanEurIsRefusedWithItsFileAndBooksNothing() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);

        JsonNode problem = files.refused(
                CamtFiles.of(collectionIban())
                        .day(DAY)
                        .sequence(5)
                        .opening("0.00")
                        .credit(BankFileTexts.bankReference(), "1100.001", DAY, payer, "Subscription " + orderId)
                        .camt053(),
                MediaType.APPLICATION_XML);

        assertThat(problem.get("detail").asString()).contains("1100.001 EUR has more decimals than the 2 of EUR");
        JsonNode file = files.file(problem.get("detail").asString().replaceAll(".*Bank file (BFL\\w+).*", "$1"));
        assertThat(file.get("status").asString()).isEqualTo("REJECTED");
        assertThat(file.get("statements")).isEmpty();
        assertThat(files.statementsOfAccount(collectionIban())).isEmpty();
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("CREATED");
        assertThat(BankFileApi.openItemsOfPortal(flows)).isEmpty();
    }

    @Test
    void aBodyOverFiftyMegabytesIsRefusedWith413AndNothingIsRecorded() {
        long before = files.files().get("total").asLong();
        byte[] start = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] filler = ("<!-- " + "x".repeat(64 * 1024 - 9) + " -->\n").getBytes(StandardCharsets.UTF_8);
        int chunks = 51 * 16; // 51 MB of 64 KB comments after the start: streamed, never one array
        Flux<DataBuffer> body = Flux.concat(
                        Flux.just(start), Flux.range(0, chunks).map(i -> filler))
                .map(bytes -> DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes)));

        JsonNode problem = ApiClient.body(web.post()
                .uri(BankFileApi.FILES)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .contentType(MediaType.APPLICATION_XML)
                .body(BodyInserters.fromDataBuffers(body))
                .exchange()
                .expectStatus()
                .isEqualTo(413));

        assertThat(problem.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(problem.get("detail").asString()).contains("50 MB");
        assertThat(files.files().get("total").asLong()).isEqualTo(before);
    }

    // --- the same file at once

    @Test
    void theSameFilePostedFourTimesAtOnceIsBookedOnce() throws Exception {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String xml = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + orderId)
                .camt053();

        List<JsonNode> receipts = atOnce(List.of(xml, xml, xml, xml));

        assertThat(receipts)
                .extracting(r -> r.get("bankFileId").asString())
                .containsOnly(receipts.get(0).get("bankFileId").asString());
        assertThat(receipts).filteredOn(r -> !r.get("repeated").asBoolean()).hasSize(1);
        assertThat(receipts).allMatch(r -> r.get("status").asString().equals("BOOKED"));
        theOnlyStatementOfTheAccountPaidTheOrderOnce(orderId);
    }

    @Test
    void theSameStatementInOtherBytesPostedAtOnceIsBookedOnce() throws Exception {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String xml = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + orderId)
                .camt053();
        List<String> variants = List.of(
                xml,
                xml.replace("<Document", "\n<Document"),
                xml.replace("    ", "\t"),
                xml.replace("encoding=\"UTF-8\"", "encoding=\"utf-8\""));

        List<JsonNode> receipts = atOnce(variants);

        assertThat(receipts)
                .extracting(r -> r.get("bankFileId").asString())
                .containsOnly(receipts.get(0).get("bankFileId").asString());
        assertThat(receipts).filteredOn(r -> !r.get("repeated").asBoolean()).hasSize(1);
        theOnlyStatementOfTheAccountPaidTheOrderOnce(orderId);
        // No file is left as if it were still being booked.
        List<String> sha256s = variants.stream().map(BankFileInputsIT::sha256).toList();
        assertThat(files.files().get("items").valueStream())
                .filteredOn(f -> sha256s.contains(f.get("sha256").asString()))
                .extracting(f -> f.get("status").asString())
                .doesNotContain("RECEIVED");
    }

    @Test
    void aCopyWhoseStatementsWereBookedWhileItWaitedAnswersTheFirstFile() throws Exception {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String xml = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + orderId)
                .camt053();
        String copy = xml.replace("<Document", "\n<Document");
        // The copy looks for its statements before the first file is posted, then waits on the row of its bytes,
        // held by this test, while the first file is booked: the window in which two instances race.
        Connection holder = Mono.from(connections.create()).block();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Mono.from(holder.beginTransaction()).block();
            Flux.from(holder.createStatement(
                                    """
                                    INSERT INTO bank_file (bank_file_id, sha256, size_bytes, source, status, received_at)
                                    VALUES ($1, $2, $3, 'API', 'RECEIVED', now())""")
                            .bind("$1", "BFLHELD" + UUID.randomUUID().toString().substring(0, 8))
                            .bind("$2", HexFormat.of().parseHex(sha256(copy)))
                            .bind("$3", (long) copy.getBytes(StandardCharsets.UTF_8).length)
                            .execute())
                    .flatMap(Result::getRowsUpdated)
                    .blockLast();
            Future<JsonNode> copyReceipt = pool.submit(() -> files.post(copy));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> waitingOnALock("INSERT INTO bank_file"));

            JsonNode first = files.post(xml);
            Mono.from(holder.commitTransaction()).block();
            JsonNode answer = copyReceipt.get(60, TimeUnit.SECONDS);

            assertThat(first.get("repeated").asBoolean()).isFalse();
            assertThat(answer.get("bankFileId").asString())
                    .isEqualTo(first.get("bankFileId").asString());
            assertThat(answer.get("repeated").asBoolean()).isTrue();
            // The copy's own row is forgotten, not booked as a file of no statements.
            assertThat(files.files().get("items").valueStream())
                    .filteredOn(f -> f.get("sha256").asString().equals(sha256(copy)))
                    .isEmpty();
            theOnlyStatementOfTheAccountPaidTheOrderOnce(orderId);
        } finally {
            pool.shutdownNow();
            Mono.from(holder.close()).block();
        }
    }

    @Test
    void aCopyWhoseStatementsWereBookedWhileItWasReadAnswersTheFirstFile() throws Exception {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String xml = CamtFiles.of(collectionIban())
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + orderId)
                .camt053();
        byte[] copy = xml.replace("<Document", "\n<Document").getBytes(StandardCharsets.UTF_8);
        // The copy found no booked statement at the start of its transaction and is reading its entries when the
        // first file commits: the narrowest window in which two instances race.
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch firstBooked = new CountDownLatch(1);
        AtomicInteger opened = new AtomicInteger();
        BankFileSource source = new BankFileSource(
                HexFormat.of().parseHex(sha256(new String(copy, StandardCharsets.UTF_8))),
                copy.length,
                "API",
                "test",
                () -> {
                    if (opened.incrementAndGet() == 2) { // the survey opened it first; this is the booking
                        reading.countDown();
                        try {
                            firstBooked.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return new ByteArrayInputStream(copy);
                });

        CompletableFuture<BookBankFile.Receipt> copyReceipt =
                bookBankFile.book(source).toFuture();
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        JsonNode first = files.post(xml);
        firstBooked.countDown();
        BookBankFile.Receipt answer = copyReceipt.get(60, TimeUnit.SECONDS);

        assertThat(first.get("repeated").asBoolean()).isFalse();
        assertThat(answer.bankFileId().value())
                .isEqualTo(first.get("bankFileId").asString());
        assertThat(answer.repeated()).isTrue();
        assertThat(files.files().get("items").valueStream())
                .filteredOn(f -> f.get("sha256").asString().equals(source.sha256Hex()))
                .isEmpty();
        theOnlyStatementOfTheAccountPaidTheOrderOnce(orderId);
    }

    /** Whether a session of the service waits on a row lock in a statement that starts with {@code sql}. */
    private boolean waitingOnALock(String sql) {
        return Boolean.TRUE.equals(database.sql("SELECT count(*) > 0 AS waiting FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query LIKE :sql")
                .bind("sql", "%" + sql + "%")
                .map(row -> row.get("waiting", Boolean.class))
                .one()
                .block());
    }

    // --- the topic

    @Test
    void aFileOnTheTopicWhoseStatementIsInvalidIsStillBookedAndNotDeadLettered() {
        long before = System.currentTimeMillis();
        String orderId = flows.newOrder(Ibans.randomGerman());
        String messageId = "MSG-" + UUID.randomUUID();
        String xml = CamtFiles.of(collectionIban())
                .messageId(messageId)
                .day(DAY)
                .sequence(1)
                .opening("0.00")
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, Ibans.randomGerman(), "Subscription " + orderId)
                .closing("1000.00")
                .camt053();

        kafka.send(TOPIC, null, xml);

        JsonNode file = await().atMost(PaymentFlows.DECIDED)
                .pollInterval(PaymentFlows.POLL)
                .until(
                        () -> files.filesWithMessageId(messageId).stream()
                                .findFirst()
                                .orElse(null),
                        f -> f != null);
        assertThat(file.get("status").asString()).isEqualTo("BOOKED");
        assertThat(file.get("source").asString()).isEqualTo("KAFKA");
        JsonNode statement = files.onlyStatementOf(file.get("bankFileId").asString());
        assertThat(statement.get("status").asString()).isEqualTo("INVALID");
        flows.awaitReview("STATEMENT_INVALID", statement.get("bankStatementId").asString());
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("CREATED");
        assertThat(kafka.readSince(DLQ, before)).noneMatch(record -> xml.equals(record.value()));
    }

    @Test
    void theSameFileTwiceOnTheTopicIsBookedOnce() {
        String payer = Ibans.randomGerman();
        String orderId = flows.newOrder(payer);
        String after = flows.newOrder(payer);
        String messageId = "MSG-" + UUID.randomUUID();
        String xml = CamtFiles.of(collectionIban())
                .messageId(messageId)
                .day(DAY)
                .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + orderId)
                .camt054();
        String key = "bank-" + UUID.randomUUID();

        kafka.send(TOPIC, key, xml);
        kafka.send(TOPIC, key, xml);
        // A third file on the same partition: once it is booked, both before it have been consumed.
        kafka.send(
                TOPIC,
                key,
                CamtFiles.of(collectionIban())
                        .day(DAY)
                        .credit(BankFileTexts.bankReference(), "1100.00", DAY, payer, "Subscription " + after)
                        .camt054());
        flows.awaitStatus(after, "ACCOUNTED");

        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(flows.transitionsTo(orderId, "ACCOUNTED")).hasSize(1);
        assertThat(files.filesWithMessageId(messageId)).hasSize(1);
    }

    // --- helpers

    private String collectionIban() {
        return flows.portal().collectionIban();
    }

    /**
     * The file's one statement, whose {@code missed} credits were never notified and so were decided from it: a
     * {@code BREAKS} statement (one {@code MISSED_NOTIFICATION} each) whose balance agrees with the books.
     */
    private JsonNode paidFromTheStatement(JsonNode receipt, int missed, String... otherItems) {
        JsonNode statement = files.onlyStatementOf(receipt.get("bankFileId").asString());
        assertThat(statement.get("status").asString()).isEqualTo("BREAKS");
        assertThat(statement.get("missed").asInt()).isEqualTo(missed);
        assertThat(statement.get("matched").asInt()).isZero();
        assertThat(statement.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(statement.get("explained").decimalValue()).isEqualByComparingTo("0");
        assertThat(statement.get("account").asString()).isEqualTo(collectionIban());
        assertThat(statement.get("portalId").asString())
                .isEqualTo(flows.portal().portalId());
        List<String> items = new ArrayList<>(List.of(otherItems));
        for (int i = 0; i < missed; i++) {
            items.add("MISSED_NOTIFICATION");
        }
        assertThat(BankFileApi.openItemsOfPortal(flows))
                .extracting(i -> i.get("kind").asString())
                .containsExactlyInAnyOrderElementsOf(items);
        return statement;
    }

    /** The notification of the statement's one entry. */
    private JsonNode onlyCreditOf(JsonNode statement) {
        List<JsonNode> entries =
                files.entriesOf(statement.get("bankStatementId").asString());
        assertThat(entries).hasSize(1);
        return files.notification(entries.get(0).get("notificationId").asString());
    }

    /** Posts every file at the same moment, each from its own thread; answers the receipts in the files' order. */
    private List<JsonNode> atOnce(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch ready = new CountDownLatch(bodies.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (String body : bodies) {
                Callable<JsonNode> post = () -> {
                    ready.countDown();
                    go.await();
                    return files.post(body);
                };
                answers.add(pool.submit(post));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<JsonNode> receipts = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                receipts.add(answer.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS));
            }
            return receipts;
        } finally {
            pool.shutdownNow();
        }
    }

    private void theOnlyStatementOfTheAccountPaidTheOrderOnce(String orderId) {
        flows.awaitStatus(orderId, "ACCOUNTED");
        assertThat(flows.transitionsTo(orderId, "ACCOUNTED")).hasSize(1);
        assertThat(files.statementsOfAccount(collectionIban())).hasSize(1);
        assertThat(BankFileApi.openItemsOfPortal(flows))
                .extracting(i -> i.get("kind").asString())
                .containsExactly("MISSED_NOTIFICATION");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer credit transfer initiation: ISO 20022, but no statement or notification. */
    private static String pain001() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
                  <CstmrCdtTrfInitn>
                    <GrpHdr><MsgId>PAIN-1</MsgId><CreDtTm>2026-11-02T10:00:00</CreDtTm><NbOfTxs>1</NbOfTxs>
                      <InitgPty><Nm>Crowd One Srl</Nm></InitgPty></GrpHdr>
                    <PmtInf>
                      <PmtInfId>PMT-1</PmtInfId><PmtMtd>TRF</PmtMtd>
                      <ReqdExctnDt><Dt>2026-11-03</Dt></ReqdExctnDt>
                      <Dbtr><Nm>Crowd One Srl</Nm></Dbtr>
                      <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
                      <DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt>
                      <CdtTrfTxInf>
                        <PmtId><EndToEndId>E2E-1</EndToEndId></PmtId>
                        <Amt><InstdAmt Ccy="EUR">1100.00</InstdAmt></Amt>
                        <Cdtr><Nm>ACME Srl</Nm></Cdtr>
                        <CdtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></CdtrAcct>
                      </CdtTrfTxInf>
                    </PmtInf>
                  </CstmrCdtTrfInitn>
                </Document>
                """;
    }

    /** Nine levels of ten entities each: 10⁹ "lol"s if a parser expanded it. */
    private static String billionLaughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE Document [\n  <!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            doctype.append("  <!ENTITY lol").append(level).append(" \"");
            for (int i = 0; i < 10; i++) {
                doctype.append("&lol").append(level - 1).append(';');
            }
            doctype.append("\">\n");
        }
        doctype.append("]>\n");
        return "<?xml version=\"1.0\"?>\n" + doctype
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
                + "<BkToCstmrStmt><GrpHdr><MsgId>&lol9;</MsgId></GrpHdr></BkToCstmrStmt></Document>\n";
    }
}
