package io.crowdrecon.recon.payment.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which instructions wait for an approver (default threshold 15,000.00), and which leave as events (issue 22). */
class ReleasePolicyTests {

    private static final ReleasePolicy POLICY = ReleasePolicy.DEFAULT;

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // A cashout always waits, however small.
        "CASHOUT,         0.01, EUR, true",
        "CASHOUT,     15000.00, EUR, true",
        "CASHOUT,          1, JPY, true",
        // Anything else waits only strictly above the threshold, in its own currency.
        "FEE_PAYOUT,  15000.00, EUR, false",
        "FEE_PAYOUT,  15000.01, EUR, true",
        "FEE_PAYOUT, 999999999.99, EUR, true",
        "REFUND,      15000.00, EUR, false",
        "REFUND,      15000.01, EUR, true",
        "REFUND,     250000.00, EUR, true",
        "TRANSFER_RETURN, 15000.00, EUR, false",
        "TRANSFER_RETURN, 15000.01, EUR, true",
        "TRANSFER_RETURN, 80000.00, EUR, true",
        "CARD_REFUND, 15000.00, EUR, false",
        "CARD_REFUND, 15000.01, EUR, true",
        "CARD_REFUND, 50000.00, EUR, true",
        "REFUND,      14999.99, EUR, false",
        "REFUND,          0.01, EUR, false",
        // Another currency: the same number, read in that currency (no conversion).
        "REFUND,      15000.00, USD, false",
        "REFUND,      15000.01, USD, true",
        "TRANSFER_RETURN, 15000, JPY, false",
        "TRANSFER_RETURN, 15001, JPY, true",
        "CARD_REFUND, 15000.000, KWD, false",
        "CARD_REFUND, 15000.001, KWD, true",
    })
    void requiresApprovalForCashoutsAndAmountsAboveTheThreshold(
            InstructionType type, BigDecimal amount, String currency, boolean expected) {
        assertThat(POLICY.requiresApproval(type, Money.of(amount, currency))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}, destination known {2} -> {3}")
    @CsvSource({
        "REFUND,   100.00, true,  CREATED",
        "REFUND, 20000.00, true,  AWAITING_APPROVAL",
        "CASHOUT,  100.00, true,  AWAITING_APPROVAL",
        // Without a destination it is held first; approval comes when ops give one.
        "REFUND,   100.00, false, ON_HOLD",
        "TRANSFER_RETURN, 20000.00, false, ON_HOLD",
    })
    void createsAnInstructionInTheStatusTheRuleGives(
            InstructionType type, BigDecimal amount, boolean destinationKnown, InstructionStatus expected) {
        assertThat(POLICY.initialStatus(type, Money.of(amount, "EUR"), destinationKnown))
                .isEqualTo(expected);
    }

    @Test
    void aThresholdOfZeroSendsEveryInstructionToAnApprover() {
        ReleasePolicy everything = new ReleasePolicy(BigDecimal.ZERO);

        assertThat(everything.requiresApproval(InstructionType.REFUND, Money.of(new BigDecimal("0.01"), "EUR")))
                .isTrue();
    }

    @Test
    void refusesANegativeThresholdOrOneFinerThanACent() {
        assertThatThrownBy(() -> new ReleasePolicy(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RECON_APPROVAL_THRESHOLD");
        assertThatThrownBy(() -> new ReleasePolicy(new BigDecimal("100.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1}, payment files {2} -> announced {3}")
    @CsvSource({
        // Payment files off: every CREATED instruction leaves as its requested event, and nothing else does.
        "CREATED,           BANK_TRANSFER, false, true",
        "CREATED,           CARD,          false, true",
        "AWAITING_APPROVAL, BANK_TRANSFER, false, false",
        "ON_HOLD,           BANK_TRANSFER, false, false",
        "EXECUTED,          BANK_TRANSFER, false, false",
        "FAILED,            CARD,          false, false",
        // Payment files on: a bank transfer leaves in a file only, never also as an event; a card refund as before.
        "CREATED,           BANK_TRANSFER, true,  false",
        "CREATED,           CARD,          true,  true",
        "AWAITING_APPROVAL, CARD,          true,  false",
        "ON_HOLD,           BANK_TRANSFER, true,  false"
    })
    void announcesAnInstructionByEventOnlyWhenItMayLeaveAndNoFileCarriesIt(
            InstructionStatus status, PaymentChannel channel, boolean paymentFiles, boolean announced) {
        ReleasePolicy policy = new ReleasePolicy(new BigDecimal("15000.00"), paymentFiles);
        PaymentInstruction instruction = PaymentInstruction.create(
                InstructionId.of("PI23456789ABCDEFGH"),
                channel == PaymentChannel.CARD ? InstructionType.CARD_REFUND : InstructionType.REFUND,
                channel,
                status,
                new BigDecimal("100.00"),
                "EUR",
                channel == PaymentChannel.CARD ? null : "DE89370400440532013000",
                "Mario Rossi",
                channel == PaymentChannel.CARD ? "PSP-1" : null,
                null,
                PortalId.of("PRT23456789ABCDEFGH"),
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-12-06T10:00:00Z"));

        List<OutboundEvent> events = policy.announcement(instruction);

        assertThat(events).hasSize(announced ? 1 : 0);
        events.forEach(event -> assertThat(event.type()).isEqualTo(PaymentInstructionMessage.REQUESTED));
    }
}
