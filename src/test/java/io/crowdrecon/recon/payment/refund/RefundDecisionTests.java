package io.crowdrecon.recon.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.payment.Moneyin;
import io.crowdrecon.recon.payment.MoneyinStatus;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Domain;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refund rules of SPEC sections 4 and 6: the money goes back to whoever paid it, on the channel it came by. */
class RefundDecisionTests {

    private static final String ORDER_ID = Domain.ORDER_ID.value();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final String PAYER_IBAN = "NL91ABNA0417164300";

    final IdGenerator ids = Domain.ids(7);

    @Test
    void aBankOrderIsRefundedInFullToThePayersIbanItsAvailableMoneyoutsReversed() {
        Order order = Domain.order(OrderStatus.ACCOUNTED, null, NOW);
        List<Moneyout> outs = List.of(
                moneyout("MO1", MoneyoutType.COMPANY, "1000", MoneyoutStatus.AVAILABLE),
                moneyout("MO2", MoneyoutType.FEE, "100", MoneyoutStatus.AVAILABLE));

        RefundDecision refund = RefundDecision.inFull(
                ReleasePolicy.DEFAULT,
                order,
                moneyin(PaymentChannel.BANK_TRANSFER, PAYER_IBAN),
                outs,
                "UNDONE",
                ids,
                NOW);

        assertThat(refund.reversed())
                .extracting(Moneyout::moneyoutId, Moneyout::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new MoneyoutId("MO1"), MoneyoutStatus.REVERSED),
                        org.assertj.core.groups.Tuple.tuple(new MoneyoutId("MO2"), MoneyoutStatus.REVERSED));
        assertThat(refund.instruction().type()).isEqualTo(InstructionType.REFUND);
        assertThat(refund.instruction().status()).isEqualTo(InstructionStatus.CREATED);
        assertThat(refund.instruction().channel()).isEqualTo(PaymentChannel.BANK_TRANSFER);
        assertThat(refund.instruction().creditorIban()).isEqualTo(PAYER_IBAN);
        assertThat(refund.instruction().amount()).isEqualByComparingTo("1100.00");
        assertThat(refund.instruction().remittanceInformation()).isEqualTo("Refund of order " + ORDER_ID);
        assertThat(refund.instruction().refundId()).isEqualTo(refund.refund().refundId());
        assertThat(refund.refund().instructionId())
                .isEqualTo(refund.instruction().instructionId());
        assertThat(refund.refund().reason()).isEqualTo("UNDONE");
        assertThat(refund.onHold()).isEmpty();
        // Each moneyout's move, then the instruction, in that order.
        assertThat(refund.events())
                .extracting(OutboundEvent::type)
                .containsExactly(
                        "crowdrecon.moneyout.status-changed.v1",
                        "crowdrecon.moneyout.status-changed.v1",
                        "crowdrecon.payment-instruction.requested.v1");
    }

    @Test
    void aCardOrderIsRefundedOnItsPspReferenceNeverToAnIban() {
        RefundDecision refund = RefundDecision.inFull(
                ReleasePolicy.DEFAULT,
                Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                moneyin(PaymentChannel.CARD, null),
                List.of(),
                "CANCELLED",
                ids,
                NOW);

        assertThat(refund.instruction().channel()).isEqualTo(PaymentChannel.CARD);
        assertThat(refund.instruction().pspReference()).isEqualTo("PSP-1");
        assertThat(refund.instruction().creditorIban()).isNull();
        assertThat(refund.instruction().status()).isEqualTo(InstructionStatus.CREATED);
    }

    @ParameterizedTest(name = "payer IBAN \"{0}\"")
    @CsvSource(
            value = {"NULL", "''", "NL00ABNA0417164300", "not an iban"},
            nullValues = "NULL")
    void aBankPayerWithoutAValidIbanLeavesTheRefundOnHoldUnannouncedWithAReturnImpossibleItem(String payerIban) {
        RefundDecision refund = RefundDecision.inFull(
                ReleasePolicy.DEFAULT,
                Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                moneyin(PaymentChannel.BANK_TRANSFER, payerIban),
                List.of(moneyout("MO1", MoneyoutType.COMPANY, "1100", MoneyoutStatus.AVAILABLE)),
                "UNDONE",
                ids,
                NOW);

        assertThat(refund.instruction().status()).isEqualTo(InstructionStatus.ON_HOLD);
        assertThat(refund.instruction().creditorIban()).isNull();
        assertThat(refund.onHold()).hasValueSatisfying(item -> {
            assertThat(item.kind()).isEqualTo(ReviewKind.RETURN_IMPOSSIBLE);
            assertThat(item.subjectId())
                    .isEqualTo(refund.instruction().instructionId().value());
            assertThat(item.detail())
                    .isEqualTo("Refund " + refund.refund().refundId()
                            + " of order " + ORDER_ID + " (1100.00 EUR) has no valid payer IBAN; give one with PUT"
                            + " /ops/instructions/" + refund.instruction().instructionId() + "/reissued");
        });
        // The moneyout's move is announced; the instruction is not, until ops give an IBAN.
        assertThat(refund.events())
                .extracting(OutboundEvent::type)
                .containsExactly("crowdrecon.moneyout.status-changed.v1");
    }

    @Test
    void aMoneyoutHeldByAChargebackRefusesTheRefund() {
        List<Moneyout> outs = List.of(
                moneyout("MO1", MoneyoutType.COMPANY, "1000", MoneyoutStatus.HELD),
                moneyout("MO2", MoneyoutType.FEE, "100", MoneyoutStatus.AVAILABLE));

        assertThatThrownBy(() -> RefundDecision.inFull(
                        ReleasePolicy.DEFAULT,
                        Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                        moneyin(PaymentChannel.CARD, null),
                        outs,
                        "UNDONE",
                        ids,
                        NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION))
                .hasMessage("Order " + ORDER_ID + " has moneyouts held by a chargeback; resolve the chargeback first");
    }

    @Test
    void anOrderUnderAComplianceHoldIsRefundedInFullItsHeldMoneyoutsReversed() {
        List<Moneyout> outs = List.of(
                moneyout("MO1", MoneyoutType.COMPANY, "1000", MoneyoutStatus.HELD),
                moneyout("MO2", MoneyoutType.FEE, "100", MoneyoutStatus.HELD));

        RefundDecision refund = RefundDecision.inFull(
                ReleasePolicy.DEFAULT,
                Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                moneyin(PaymentChannel.BANK_TRANSFER, PAYER_IBAN),
                outs,
                false,
                "COMPLIANCE_HOLD_REFUSED",
                ids,
                NOW);

        assertThat(refund.reverse().trigger()).isEqualTo(MoneyoutTrigger.REVERSE_HELD);
        assertThat(refund.reversed()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.REVERSED);
        assertThat(refund.instruction().type()).isEqualTo(InstructionType.REFUND);
        assertThat(refund.instruction().creditorIban()).isEqualTo(PAYER_IBAN);
        assertThat(refund.instruction().amount()).isEqualByComparingTo("1100");
        assertThat(refund.refund().reason()).isEqualTo("COMPLIANCE_HOLD_REFUSED");
        assertThat(refund.events())
                .extracting(OutboundEvent::type)
                .containsExactly(
                        "crowdrecon.moneyout.status-changed.v1",
                        "crowdrecon.moneyout.status-changed.v1",
                        "crowdrecon.payment-instruction.requested.v1");
    }

    @Test
    void heldMoneyoutsWithAnOpenChargebackOrMissingCreditRefuseTheRefund() {
        List<Moneyout> outs = List.of(moneyout("MO1", MoneyoutType.COMPANY, "1000", MoneyoutStatus.HELD));

        assertThatThrownBy(() -> RefundDecision.inFull(
                        ReleasePolicy.DEFAULT,
                        Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                        moneyin(PaymentChannel.BANK_TRANSFER, PAYER_IBAN),
                        outs,
                        true,
                        "UNDONE",
                        ids,
                        NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void onlyAvailableMoneyoutsAreReversedThoseAlreadyReversedStayAsTheyAre() {
        List<Moneyout> outs = List.of(
                moneyout("MO1", MoneyoutType.COMPANY, "1000", MoneyoutStatus.REVERSED),
                moneyout("MO2", MoneyoutType.FEE, "100", MoneyoutStatus.AVAILABLE));

        RefundDecision refund = RefundDecision.inFull(
                ReleasePolicy.DEFAULT,
                Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                moneyin(PaymentChannel.BANK_TRANSFER, PAYER_IBAN),
                outs,
                "UNDONE",
                ids,
                NOW);

        assertThat(refund.reversed()).extracting(Moneyout::moneyoutId).containsExactly(new MoneyoutId("MO2"));
    }

    @Test
    void aRefundOfPartOfAnOrderLeavesItsMoneyoutsAndRefundsOnlyThatAmount() {
        RefundDecision refund = RefundDecision.of(
                ReleasePolicy.DEFAULT,
                Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                moneyin(PaymentChannel.BANK_TRANSFER, PAYER_IBAN),
                new BigDecimal("300.00"),
                "ORDER_SPLIT",
                ids,
                NOW);

        assertThat(refund.reversed()).isEmpty();
        assertThat(refund.instruction().amount()).isEqualByComparingTo("300.00");
        assertThat(refund.refund().amount()).isEqualByComparingTo("300.00");
        assertThat(refund.events())
                .extracting(OutboundEvent::type)
                .containsExactly("crowdrecon.payment-instruction.requested.v1");
    }

    @Test
    void refusesARefundWithMoreDecimalsThanTheOrdersCurrencyHas() {
        assertThatThrownBy(() -> RefundDecision.of(
                        ReleasePolicy.DEFAULT,
                        Domain.order(OrderStatus.ACCOUNTED, null, NOW),
                        moneyin(PaymentChannel.BANK_TRANSFER, PAYER_IBAN),
                        new BigDecimal("300.001"),
                        "ORDER_SPLIT",
                        ids,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("300.001 EUR");
    }

    private static Moneyin moneyin(PaymentChannel channel, String payerIban) {
        return new Moneyin(
                new MoneyinId("MI1"),
                Domain.ORDER_ID,
                PortalId.of("P1"),
                CampaignId.of("C1"),
                "N1",
                new BigDecimal("1100"),
                "EUR",
                channel,
                payerIban,
                "Mario Rossi",
                channel == PaymentChannel.CARD ? "PSP-1" : null,
                MoneyinStatus.RECEIVED,
                NOW,
                null);
    }

    private static Moneyout moneyout(String id, MoneyoutType type, String amount, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId(id),
                Domain.ORDER_ID,
                new MoneyinId("MI1"),
                PortalId.of("P1"),
                CampaignId.of("C1"),
                CompanyId.of("CO1"),
                type,
                status,
                new BigDecimal(amount),
                "EUR",
                null,
                NOW,
                null);
    }
}
