package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.outbox.PublishedData;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PaymentFileId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentFileAnnouncementTests {

    private static final String SHA256 = "ab".repeat(32);

    @ParameterizedTest(name = "{0} bytes, limit {1}: inline {2}")
    @CsvSource({
        "1, 0, false",
        "1000, 999, false",
        "1000, 1000, true",
        "1000, 1001, true",
        "921600, 921600, true",
        "921601, 921600, false",
        "1000000, 1000000, true",
        "5000000, 921600, false",
    })
    void carriesTheXmlAsDataUpToTheLimitAndADatarefAboveIt(long size, long limit, boolean inline) {
        PaymentFileAnnouncement announcement = new PaymentFileAnnouncement(limit);
        PaymentFile file = file(size);

        OutboundEvent event = announcement.event(file, inline ? new byte[Math.toIntExact(size)] : null);

        assertThat(announcement.carriesContent(file)).isEqualTo(inline);
        PublishedData published = event.published();
        assertThat(published).isNotNull();
        assertThat(published.contentType()).isEqualTo("application/xml");
        assertThat(published.bytes() != null).isEqualTo(inline);
        assertThat(published.extensions())
                .containsEntry("datasize", Long.toString(size))
                .containsEntry("datasha256", SHA256);
        if (inline) {
            assertThat(published.extensions()).doesNotContainKey("dataref");
        } else {
            assertThat(published.extensions())
                    .containsEntry("dataref", "/api/v1/ops/payment-files/PFL23456789ABCDEFGH/content");
        }
    }

    @Test
    void isKeyedBySubjectOfTheFileIdFromOpsWithItsJsonViewForTheEventLog() {
        byte[] xml = new byte[1200];
        Arrays.fill(xml, (byte) 'x');

        OutboundEvent event = new PaymentFileAnnouncement(921_600).event(file(1200), xml);

        assertThat(event.topic()).isEqualTo("recon.payment-files");
        assertThat(event.type()).isEqualTo("crowdrecon.payment-file.created.v1");
        assertThat(event.key()).isEqualTo("PFL23456789ABCDEFGH");
        assertThat(event.source()).isEqualTo("/ops");
        assertThat(event.portalId()).isNull();
        assertThat(event.data()).isInstanceOf(PaymentFileMessage.class);
        PaymentFileMessage view = (PaymentFileMessage) event.data();
        assertThat(view.paymentFileId()).isEqualTo("PFL23456789ABCDEFGH");
        assertThat(view.sizeBytes()).isEqualTo(1200);
        assertThat(view.contentPath()).isEqualTo("/api/v1/ops/payment-files/PFL23456789ABCDEFGH/content");
        assertThat(event.published().bytes()).isSameAs(xml);
    }

    @Test
    void refusesContentThatDisagreesWithTheDecisionOrTheFileSize() {
        PaymentFileAnnouncement announcement = new PaymentFileAnnouncement(1000);

        assertThatThrownBy(() -> announcement.event(file(500), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> announcement.event(file(5000), new byte[5000]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> announcement.event(file(500), new byte[499]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource({"-1", "1000001", "1048576"})
    void refusesALimitAKafkaRecordCouldNotCarry(long limit) {
        assertThatThrownBy(() -> new PaymentFileAnnouncement(limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000000");
    }

    private static PaymentFile file(long size) {
        return new PaymentFile(
                PaymentFileId.of("PFL23456789ABCDEFGH"),
                PaymentFileStatus.CREATED,
                Iban.parse("DE89370400440532013000"),
                "Crowd One",
                LocalDate.of(2026, 12, 8),
                Pain001Version.V09,
                "PFL23456789ABCDEFGH",
                1,
                new BigDecimal("1100.00"),
                SHA256,
                size,
                Instant.parse("2026-12-07T09:00:00Z"),
                null,
                null);
    }
}
