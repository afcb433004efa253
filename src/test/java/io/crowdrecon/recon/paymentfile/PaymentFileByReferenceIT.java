package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A file above the inline limit (lowered here to 100 bytes, which no pain.001 file is under: its group header alone is
 * larger) is announced with no data and a {@code dataref} to its content, whose bytes the {@code datasize} and {@code
 * datasha256} extensions describe: the record stays small whatever the file's size. And with {@code
 * RECON_PAYMENT_FILE_TAKEN=KAFKA}, a file is SENT once its announcement is on the topic.
 */
@ReconIntegrationTest
@TestPropertySource(
        properties = {
            "recon.payment-files.enabled=true",
            "recon.payment-files.inline-limit=100B",
            "recon.payment-files.taken=KAFKA"
        })
class PaymentFileByReferenceIT {

    private static final String FILES = "/api/v1/ops/payment-files";

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Test
    void announcesAFileAboveTheLimitByADatarefToItsContentWithItsSizeAndSha256() throws Exception {
        long since = System.currentTimeMillis();
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());
        flows.portal().put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        flows.refund(orderId);

        JsonNode built = ApiClient.body(
                api.post(ApiClient.OPS_KEY, FILES, Map.of()).expectStatus().isOk());
        String fileId = built.get("files")
                .valueStream()
                .filter(f -> flows.portal()
                        .collectionIban()
                        .equals(f.get("debtorIban").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file of the portal in " + built))
                .get("paymentFileId")
                .asString();

        ConsumerRecord<String, byte[]> record = PaymentFileEvents.awaitRecord(kafka, since, fileId);
        CloudEvent event = PaymentFileEvents.cloudEvent(record);

        assertThat(event.getType()).isEqualTo("crowdrecon.payment-file.created.v1");
        assertThat(event.getSubject()).isEqualTo(fileId);
        assertThat(event.getDataContentType()).isEqualTo("application/xml");
        assertThat(record.value()).as("no data").isNull();
        assertThat(event.getData()).isNull();
        int headers = 0;
        for (var header : record.headers()) {
            headers += header.key().length() + header.value().length;
        }
        assertThat(record.serializedKeySize() + headers)
                .as("the record's key and headers")
                .isLessThan(1024);
        String dataref = String.valueOf(event.getExtension("dataref"));
        assertThat(dataref).isEqualTo(FILES + "/" + fileId + "/content");

        byte[] content = api.web()
                .get()
                .uri(dataref)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(content).isNotNull();
        assertThat(content.length).isGreaterThan(100);
        assertThat(event.getExtension("datasize")).isEqualTo(Integer.toString(content.length));
        assertThat(event.getExtension("datasha256"))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    @Test
    void aFileTakenFromKafkaIsSentOnceItsAnnouncementIsOnTheTopic() {
        long since = System.currentTimeMillis();
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());
        flows.portal().put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        String refund = flows.refund(orderId).get("instructionId").asString();
        String fileId = ApiClient.body(api.post(ApiClient.OPS_KEY, FILES, Map.of())
                        .expectStatus()
                        .isOk())
                .get("files")
                .valueStream()
                .filter(f -> flows.portal()
                        .collectionIban()
                        .equals(f.get("debtorIban").asString()))
                .findFirst()
                .orElseThrow()
                .get("paymentFileId")
                .asString();

        PaymentFileEvents.awaitRecord(kafka, since, fileId);
        JsonNode sent = Awaitility.await()
                .atMost(PaymentFlows.DECIDED)
                .pollInterval(PaymentFlows.POLL)
                .until(
                        () -> ApiClient.body(api.get(ApiClient.OPS_KEY, FILES + "/" + fileId)
                                .expectStatus()
                                .isOk()),
                        file -> file.get("status").asString().equals("SENT"));

        assertThat(sent.get("sentBy").asString()).isEqualTo("recon.payment-files");
        assertThat(flows.instruction(refund).get("status").asString()).isEqualTo("SENT");
        // The feed's PUT comes too late: the file was taken already.
        assertThat(ApiClient.body(api.put(ApiClient.OPS_KEY, FILES + "/" + fileId + "/sent", Map.of())
                                .expectStatus()
                                .isEqualTo(409))
                        .get("code")
                        .asString())
                .isEqualTo("ILLEGAL_TRANSITION");
    }
}
