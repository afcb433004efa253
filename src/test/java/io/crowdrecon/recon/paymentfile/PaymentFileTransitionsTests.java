package io.crowdrecon.recon.paymentfile;

import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.CREATED;
import static io.crowdrecon.recon.paymentfile.PaymentFileStatus.SENT;
import static io.crowdrecon.recon.paymentfile.PaymentFileTrigger.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PaymentFileId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every (status, trigger) pair against the payment file table, written out here by hand from issue 22. */
class PaymentFileTransitionsTests {

    /** Every status with every move allowed from it today; the pain.002 moves come with pain.002. */
    private static final Map<PaymentFileStatus, Map<PaymentFileTrigger, PaymentFileStatus>> TABLE = table();

    private static Map<PaymentFileStatus, Map<PaymentFileTrigger, PaymentFileStatus>> table() {
        Map<PaymentFileStatus, Map<PaymentFileTrigger, PaymentFileStatus>> table =
                new EnumMap<>(PaymentFileStatus.class);
        table.put(CREATED, Map.of(SEND, SENT));
        table.put(SENT, Map.of());
        table.put(PaymentFileStatus.ACCEPTED, Map.of());
        table.put(PaymentFileStatus.PARTIALLY_ACCEPTED, Map.of());
        table.put(PaymentFileStatus.REJECTED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(PaymentFileStatus.values())
                .flatMap(from -> Arrays.stream(PaymentFileTrigger.values()).map(trigger -> {
                    PaymentFileStatus expected = TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(TABLE).containsOnlyKeys(PaymentFileStatus.values());
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheTableSays(PaymentFileStatus from, PaymentFileTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(PaymentFileTransitions.next(from, trigger)).isEmpty();
            assertThatThrownBy(() -> PaymentFileTransitions.row(file(from), trigger))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        } else {
            assertThat(PaymentFileTransitions.next(from, trigger)).contains(PaymentFileStatus.valueOf(expected));
            assertThat(PaymentFileTransitions.row(file(from), trigger).to())
                    .isEqualTo(PaymentFileStatus.valueOf(expected));
        }
    }

    private static PaymentFile file(PaymentFileStatus status) {
        return new PaymentFile(
                new PaymentFileId("PFL1"),
                status,
                Iban.parse("DE89370400440532013000"),
                "Crowd",
                LocalDate.parse("2026-12-07"),
                Pain001Version.V09,
                "PFL1",
                1,
                new BigDecimal("1.00"),
                "00",
                1,
                Instant.parse("2026-12-06T17:30:00Z"),
                null,
                null);
    }
}
