package io.crowdrecon.recon.ingest.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.payment.card.CardEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CardNotificationsTests {

    // parse() never reaches the card events it would apply.
    private final CardNotifications notifications =
            new CardNotifications(JsonMapper.builder().build(), null);

    @Test
    void aValidNotificationIsAcceptedAsItsEvent() {
        CardNotifications.Parsed parsed = notifications.parse(
                bytes("{\"notificationId\":\"N1\",\"eventCode\":\"CAPTURE\",\"success\":true,\"orderId\":\"O1\","
                        + "\"currency\":\"EUR\",\"amount\":10.5,\"pspReference\":\"P1\","
                        + "\"eventDatetime\":\"2026-11-22T10:00:00Z\"}"),
                "PRT_1");

        assertThat(parsed.rejection()).isNull();
        CardEvent event = parsed.accepted();
        assertThat(event.notificationId()).isEqualTo("N1");
        assertThat(event.sourcePortalId()).isEqualTo("PRT_1");
        assertThat(event.reason()).isNull();
    }

    @Test
    void aRejectedNotificationHasNoEventToAccept() {
        CardNotifications.Parsed parsed = notifications.parse(bytes("{\"notificationId\":\"N1\"}"), null);

        assertThat(parsed.rejection()).isNotNull();
        assertThat(parsed.notificationId()).isEqualTo("N1");
        assertThatThrownBy(parsed::accepted).isInstanceOf(NullPointerException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
