package io.crowdrecon.recon.payment.card;

import static io.crowdrecon.recon.payment.card.CardEventDecisionTests.moneyout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.testing.Domain;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC section 6: ops resolve a chargeback by releasing the held money or accepting that it went back. */
class ChargebackDecisionTests {

    private static final String ORDER_ID = Domain.ORDER_ID.value();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    final List<Moneyout> held = List.of(moneyout("MO1", MoneyoutStatus.HELD), moneyout("MO2", MoneyoutStatus.HELD));

    @Test
    void releaseGivesTheHeldMoneyoutsBackAndTouchesNothingElse() {
        ChargebackDecision release =
                ChargebackDecision.resolve(Domain.order(OrderStatus.ACCOUNTED, null, NOW), held, "RELEASE", NOW);

        assertThat(release.moved()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.AVAILABLE);
        assertThat(release.reversed()).isNull();
        assertThat(release.refundOrder()).isFalse();
        assertThat(release.moneyoutEvents()).hasSize(2);
    }

    @ParameterizedTest(name = "a {0} order is refunded: {1}")
    @CsvSource({"ACCOUNTED, true", "SPLITTED, false", "REFUNDED, false"})
    void reverseAcceptsTheLossReversingTheMoneyoutsAndRefundingAnAccountedOrder(OrderStatus status, boolean refunded) {
        ChargebackDecision reverse = ChargebackDecision.resolve(Domain.order(status, null, NOW), held, "REVERSE", NOW);

        assertThat(reverse.moved()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.REVERSED);
        assertThat(reverse.reversed()).isEqualByComparingTo("1100.00");
        assertThat(reverse.moneyinId()).isEqualTo(new MoneyinId("MI1"));
        assertThat(reverse.refundOrder()).isEqualTo(refunded);
    }

    @Test
    void releaseUnderAComplianceHoldLeavesTheMoneyHeldUntilTheHoldIsReleased() {
        ChargebackDecision release =
                ChargebackDecision.resolve(Domain.order(OrderStatus.ACCOUNTED, null, NOW), held, "RELEASE", true, NOW);

        assertThat(release.moved()).isEmpty();
        assertThat(release.moneyoutEvents()).isEmpty();
        assertThat(release.reversed()).isNull();
        assertThat(release.refundOrder()).isFalse();
    }

    @Test
    void reverseUnderAComplianceHoldStillAcceptsTheLoss() {
        // The card network took the money back: no hold can keep what is gone.
        ChargebackDecision reverse =
                ChargebackDecision.resolve(Domain.order(OrderStatus.ACCOUNTED, null, NOW), held, "REVERSE", true, NOW);

        assertThat(reverse.moved()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.REVERSED);
        assertThat(reverse.refundOrder()).isTrue();
    }

    @ParameterizedTest(name = "action \"{0}\"")
    @CsvSource(
            value = {"NULL", "''", "release", "REFUND"},
            nullValues = "NULL")
    void anyOtherActionIsRefusedAsInvalid(String action) {
        assertThatThrownBy(() -> ChargebackDecision.requireAction(action))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo("action"));
                });
    }

    @Test
    void nothingHeldAnyMoreIsAnIllegalTransition() {
        assertThatThrownBy(() -> ChargebackDecision.resolve(
                        Domain.order(OrderStatus.ACCOUNTED, null, NOW), List.of(), "RELEASE", NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION))
                .hasMessage("Order " + ORDER_ID + " has no held moneyouts any more");
    }
}
