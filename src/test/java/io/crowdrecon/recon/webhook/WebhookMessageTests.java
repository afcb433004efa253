package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.crowdrecon.recon.outbox.StoredEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The body of a delivery, read back by the CloudEvents SDK's JSON format (structured mode). */
class WebhookMessageTests {

    private static final String PAYLOAD =
            "{\"orderId\":\"ORD0000000000000001\",\"status\":\"ACCOUNTED\",\"amount\":1100.00,\"note\":\"caf\\u00e9 \\\"x\\\"\"}";

    private final StoredEvent event = new StoredEvent(
            42,
            UUID.randomUUID().toString(),
            "recon.orders",
            "ORD0000000000000001",
            "crowdrecon.order.status-changed.v1",
            "/portals/PT23456789ABCDEFGH",
            "PT23456789ABCDEFGH",
            "ORD0000000000000001",
            "CP23456789ABCDEFGH",
            PAYLOAD,
            Instant.parse("2026-12-07T10:15:30.123456Z"));

    @Test
    void theSdkReadsTheBodyAsAStructuredCloudEventOfTheLoggedEvent() {
        WebhookMessage message = WebhookMessage.of(event);

        EventFormat format =
                Objects.requireNonNull(EventFormatProvider.getInstance().resolveFormat(WebhookMessage.CONTENT_TYPE));
        assertThat(format).isInstanceOf(JsonFormat.class);
        CloudEvent read = format.deserialize(message.body());

        assertThat(read.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(read.getId()).isEqualTo(event.eventId()).isEqualTo(message.id());
        assertThat(read.getType()).isEqualTo(event.type());
        assertThat(read.getSource()).isEqualTo(URI.create(event.source()));
        assertThat(read.getSubject()).isEqualTo(event.key());
        assertThat(read.getTime()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:15:30.123456Z"));
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getExtensionNames()).isEmpty();
        JsonNode data = JsonMapper.builder()
                .build()
                .readTree(Objects.requireNonNull(read.getData()).toBytes());
        assertThat(data).isEqualTo(JsonMapper.builder().build().readTree(PAYLOAD));
    }

    @Test
    void theBodyHoldsExactlyTheContextAttributesAndTheDataAsStored() {
        JsonNode body =
                JsonMapper.builder().build().readTree(WebhookMessage.of(event).body());

        List<String> names = new ArrayList<>(body.propertyNames());
        assertThat(names)
                .containsExactly("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
        assertThat(body.get("time").asString()).isEqualTo("2026-12-07T10:15:30.123456Z");
        // The payload is embedded, not re-encoded: its amounts keep their scale.
        assertThat(new String(WebhookMessage.of(event).body(), StandardCharsets.UTF_8))
                .endsWith("\"data\":" + PAYLOAD + "}");
    }
}
