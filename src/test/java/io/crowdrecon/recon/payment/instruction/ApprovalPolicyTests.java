package io.crowdrecon.recon.payment.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which instructions wait for an approver, with the default threshold of 15,000.00 (issue 22, item 2). */
class ApprovalPolicyTests {

    private static final ApprovalPolicy POLICY = ApprovalPolicy.DEFAULT;

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
        ApprovalPolicy everything = new ApprovalPolicy(BigDecimal.ZERO);

        assertThat(everything.requiresApproval(InstructionType.REFUND, Money.of(new BigDecimal("0.01"), "EUR")))
                .isTrue();
    }

    @Test
    void refusesANegativeThresholdOrOneFinerThanACent() {
        assertThatThrownBy(() -> new ApprovalPolicy(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RECON_APPROVAL_THRESHOLD");
        assertThatThrownBy(() -> new ApprovalPolicy(new BigDecimal("100.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
