package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a delivery POSTs: the event as a JSON CloudEvent in structured mode ({@code application/cloudevents+json}),
 * with the event log's id, source, type, key (as {@code subject}) and time, and the stored payload as {@code data}.
 * The bytes are made once per event and signed as they are sent, so that what is signed is exactly what is sent.
 *
 * @param id the CloudEvent id, which is also the {@code webhook-id} header: the same on every retry and replay, so
 *     that a receiver can drop what it already has
 * @param body the UTF-8 JSON
 */
public record WebhookMessage(String id, String type, byte[] body) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The delivery body of {@code event}; its payload is embedded as it is stored (it is JSON already). */
    public static WebhookMessage of(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.payload().length() + 320);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("specversion", "1.0");
            json.writeStringProperty("id", event.eventId());
            json.writeStringProperty("source", event.source());
            json.writeStringProperty("type", event.type());
            json.writeStringProperty("subject", event.key());
            // RFC 3339 in UTC, as the log holds it (microseconds).
            json.writeStringProperty("time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
            json.writeStringProperty("datacontenttype", "application/json");
            json.writeName("data");
            json.writeRawValue(event.payload());
            json.writeEndObject();
        }
        return new WebhookMessage(event.eventId(), event.type(), out.toByteArray());
    }
}
