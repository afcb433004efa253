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

    /** Every status with every move allowed from it. */
    private static final Map<PaymentFileStatus, Map<PaymentFileTrigger, PaymentFileStatus>> TABLE = table();

    private static Map<PaymentFileStatus, Map<PaymentFileTrigger, PaymentFileStatus>> table() {
        Map<PaymentFileStatus, Map<PaymentFileTrigger, PaymentFileStatus>> table =
                new EnumMap<>(PaymentFileStatus.class);
        // The bank's pain.002 may answer a file before the feed said it took it: the bank has it then.
        table.put(
                CREATED,
                Map.of(
                        SEND,
                        SENT,
                        PaymentFileTrigger.REPORTED_ACCEPTED,
                        PaymentFileStatus.ACCEPTED,
                        PaymentFileTrigger.REPORTED_PARTIALLY_ACCEPTED,
                        PaymentFileStatus.PARTIALLY_ACCEPTED,
                        PaymentFileTrigger.REPORTED_REJECTED,
                        PaymentFileStatus.REJECTED));
        table.put(
                SENT,
                Map.of(
                        PaymentFileTrigger.REPORTED_ACCEPTED,
                        PaymentFileStatus.ACCEPTED,
                        PaymentFileTrigger.REPORTED_PARTIALLY_ACCEPTED,
                        PaymentFileStatus.PARTIALLY_ACCEPTED,
                        PaymentFileTrigger.REPORTED_REJECTED,
                        PaymentFileStatus.REJECTED));
        // A later report may reject some transfers an earlier one accepted.
        table.put(
                PaymentFileStatus.ACCEPTED,
                Map.of(PaymentFileTrigger.REPORTED_PARTIALLY_ACCEPTED, PaymentFileStatus.PARTIALLY_ACCEPTED));
        table.put(PaymentFileStatus.PARTIALLY_ACCEPTED, Map.of());
        // Final: a report for a rejected file changes nothing (it opens UNEXPECTED_STATUS_REPORT).
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
