package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * The payment-file API with the switch on (its own application context): build now, list, read, download the bytes
 * as built (valid against the pain.001.001.09 schema), each file announced on {@code recon.payment-files} with those
 * bytes as its data, and 404 for an unknown file.
 */
@ReconIntegrationTest
@TestPropertySource(properties = "recon.payment-files.enabled=true")
class PaymentFileApiIT {

    private static final String FILES = "/api/v1/ops/payment-files";

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Autowired
    DatabaseClient database;

    @Test
    void buildsListsServesAndDownloadsAFileOfRefunds() throws Exception {
        String refund = refundedInstruction();

        JsonNode built = ApiClient.body(
                api.post(ApiClient.OPS_KEY, FILES, Map.of()).expectStatus().isOk());

        JsonNode file = fileOf(built, flows.portal().collectionIban());
        String fileId = file.get("paymentFileId").asString();
        assertThat(fileId).startsWith("PFL");
        assertThat(file.get("status").asString()).isEqualTo("CREATED");
        assertThat(file.get("version").asString()).isEqualTo("pain.001.001.09");
        assertThat(file.get("messageId").asString()).isEqualTo(fileId);
        assertThat(file.get("numberOfTransactions").asLong()).isEqualTo(1);
        assertThat(file.get("controlSum").decimalValue()).isEqualByComparingTo("1100.00");

        JsonNode listed = ApiClient.body(api.get(ApiClient.OPS_KEY, FILES + "?status=CREATED&size=100")
                .expectStatus()
                .isOk());
        assertThat(listed.get("items").valueStream().map(f -> f.get("paymentFileId")
                        .asString()))
                .contains(fileId);
        JsonNode sent = ApiClient.body(api.get(ApiClient.OPS_KEY, FILES + "?status=SENT&size=100")
                .expectStatus()
                .isOk());
        assertThat(sent.get("items").valueStream().map(f -> f.get("paymentFileId")
                        .asString()))
                .doesNotContain(fileId);

        JsonNode one = ApiClient.body(
                api.get(ApiClient.OPS_KEY, FILES + "/" + fileId).expectStatus().isOk());
        assertThat(one.get("instructions").valueStream().map(i -> i.get("instructionId")
                        .asString()))
                .containsExactly(refund);
        JsonNode carried = one.get("instructions").get(0);
        assertThat(carried.get("amount").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(carried.get("status").asString()).isEqualTo("CREATED");

        var downloaded = api.web()
                .get()
                .uri(FILES + "/" + fileId + "/content")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_XML)
                .expectHeader()
                .valueMatches(HttpHeaders.CONTENT_DISPOSITION, ".*filename=\"" + fileId + "\\.xml\".*")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(downloaded).isNotNull();
        assertThat(downloaded.length).isEqualTo(one.get("sizeBytes").asLong());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded)))
                .isEqualTo(one.get("sha256").asString());
        Pain001Files.validate(Pain001Version.V09, downloaded);
        Document xml = Pain001Files.parse(downloaded);
        assertThat(Pain001Files.texts(xml, "//CdtTrfTxInf/PmtId/EndToEndId")).containsExactly(refund);
        assertThat(Pain001Files.text(xml, "//GrpHdr/CtrlSum")).isEqualTo("1100.00");
    }

    @Test
    void announcesEachFileOnKafkaAsACloudEventWhoseDataIsTheXmlAsDownloaded() throws Exception {
        long since = System.currentTimeMillis();
        refundedInstruction();

        JsonNode built = ApiClient.body(
                api.post(ApiClient.OPS_KEY, FILES, Map.of()).expectStatus().isOk());
        JsonNode file = fileOf(built, flows.portal().collectionIban());
        String fileId = file.get("paymentFileId").asString();
        byte[] downloaded = api.web()
                .get()
                .uri(FILES + "/" + fileId + "/content")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        ConsumerRecord<String, byte[]> record = PaymentFileEvents.awaitRecord(kafka, since, fileId);
        CloudEvent event = PaymentFileEvents.cloudEvent(record);

        assertThat(header(record, "ce_specversion")).as("binary mode").isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo("crowdrecon.payment-file.created.v1");
        assertThat(event.getSource()).hasToString("/ops");
        assertThat(event.getId()).matches("[0-9a-f-]{36}");
        assertThat(event.getSubject()).isEqualTo(fileId);
        assertThat(record.key()).isEqualTo(fileId);
        assertThat(event.getTime()).isBetween(OffsetDateTime.now().minusMinutes(5), OffsetDateTime.now());
        assertThat(event.getDataContentType()).isEqualTo("application/xml");
        assertThat(event.getData()).isNotNull();
        assertThat(event.getData().toBytes()).isEqualTo(downloaded);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded));
        assertThat(event.getExtension("datasha256"))
                .isEqualTo(sha256)
                .isEqualTo(file.get("sha256").asString());
        assertThat(event.getExtension("datasize")).isEqualTo(Integer.toString(downloaded.length));
        assertThat(event.getExtensionNames()).doesNotContain("dataref");

        // The event log keeps the file's JSON view only: the ops stream reads that, never the XML.
        String payload = database.sql("SELECT payload FROM event_log WHERE topic = :topic AND event_key = :id")
                .bind("topic", PaymentFileEvents.TOPIC)
                .bind("id", fileId)
                .map(row -> row.get(0, String.class))
                .one()
                .block(Duration.ofSeconds(10));
        assertThat(payload).contains("\"sha256\":\"" + sha256 + "\"").doesNotContain("<?xml", "Document");
    }

    @Test
    void aBankTransferLeavesInAFileOnlyNeverAlsoAsARequestedEvent() {
        String refund = refundedInstruction();

        // The outbox row is written in the refund's own transaction, so its absence after the answer is final: an
        // adapter paying from events would not be asked to pay what the file carries.
        Long announced = database.sql("SELECT count(*) FROM event_log WHERE topic = :topic AND payload LIKE :id")
                .bind("topic", PaymentFlows.INSTRUCTIONS_TOPIC)
                .bind("id", "%\"" + refund + "\"%")
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10));
        assertThat(announced).as("requested events of bank transfer " + refund).isZero();
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/instructions/" + refund)
                                .expectStatus()
                                .isOk())
                        .get("status")
                        .asString())
                .isEqualTo("CREATED");
    }

    @Test
    void aFileMarkedSentSendsItsInstructionsOnceAndTheBankAnswersThem() {
        String refund = refundedInstruction();
        String fileId = fileOf(
                        ApiClient.body(api.post(ApiClient.OPS_KEY, FILES, Map.of())
                                .expectStatus()
                                .isOk()),
                        flows.portal().collectionIban())
                .get("paymentFileId")
                .asString();

        JsonNode sent = ApiClient.body(api.put(ApiClient.OPS_KEY, FILES + "/" + fileId + "/sent", Map.of())
                .expectStatus()
                .isOk());

        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("sentDatetime").isNull()).isFalse();
        String operator = sent.get("sentBy").asString();
        assertThat(sent.get("instructions").get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(flows.instruction(refund).get("status").asString()).isEqualTo("SENT");
        // Taken once: a second taking is refused, and the file stays as the first one left it.
        JsonNode again = ApiClient.body(api.put(ApiClient.OPS_KEY, FILES + "/" + fileId + "/sent", Map.of())
                .expectStatus()
                .isEqualTo(409));
        assertThat(again.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500&operator=" + operator)
                                .expectStatus()
                                .isOk())
                        .get("items")
                        .valueStream()
                        .filter(e -> fileId.equals(e.get("objectId").asString("")))
                        .map(e -> e.get("action").asString() + " "
                                + e.get("outcome").asString()))
                .contains("markPaymentFileSent OK", "markPaymentFileSent ILLEGAL_TRANSITION");

        // The bank's DEBIT answers a SENT instruction as it answers a CREATED one.
        flows.publish(DebitMessages.answer(refund, "EXECUTED", "1100.00"));
        flows.awaitInstructionStatus(refund, "EXECUTED");
    }

    @Test
    void answersNotFoundForAnUnknownFile() {
        for (String path : List.of(FILES + "/PFL2222222222222222", FILES + "/PFL2222222222222222/content")) {
            JsonNode problem = ApiClient.body(api.get(ApiClient.OPS_KEY, path)
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
        }
        assertThat(ApiClient.body(api.put(ApiClient.OPS_KEY, FILES + "/PFL2222222222222222/sent", Map.of())
                                .expectStatus()
                                .isNotFound())
                        .get("code")
                        .asString())
                .isEqualTo("NOT_FOUND");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private String refundedInstruction() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());
        flows.portal().put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        return flows.refund(orderId).get("instructionId").asString();
    }

    private static JsonNode fileOf(JsonNode built, String debtorIban) {
        return built.get("files")
                .valueStream()
                .filter(f -> debtorIban.equals(f.get("debtorIban").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file of " + debtorIban + " in " + built));
    }
}
