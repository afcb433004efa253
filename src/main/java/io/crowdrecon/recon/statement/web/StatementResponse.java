package io.crowdrecon.recon.statement.web;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.statement.InvestorStatement;
import io.crowdrecon.recon.statement.InvestorStatement.OrderStatement;
import io.crowdrecon.recon.statement.InvestorStatement.Totals;
import io.crowdrecon.recon.statement.MoneyFacts.Chargeback;
import io.crowdrecon.recon.statement.MoneyFacts.ExecutedPart;
import io.crowdrecon.recon.statement.MoneyFacts.OrderFact;
import io.crowdrecon.recon.statement.MoneyFacts.Payment;
import io.crowdrecon.recon.statement.MoneyFacts.Refund;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(
        name = "InvestorStatement",
        description =
                "An investor's orders created in the period (UTC days, from inclusive, to exclusive), each with its"
                        + " money, and the totals per currency.",
        requiredProperties = {"investorId", "orders", "totals"})
public record StatementResponse(
        String investorId,
        @Schema(format = "date") @Nullable LocalDate from,
        @Schema(format = "date") @Nullable LocalDate to,
        List<StatementOrderResponse> orders,
        List<StatementTotalsResponse> totals) {

    static StatementResponse of(InvestorStatement statement) {
        return new StatementResponse(
                statement.investorId().value(),
                statement.from(),
                statement.to(),
                statement.orders().stream().map(StatementOrderResponse::of).toList(),
                statement.totals().stream().map(StatementTotalsResponse::of).toList());
    }

    @Schema(
            name = "StatementOrder",
            requiredProperties = {
                "orderId", "campaignId", "status", "totalAmount", "orderAmount", "feeAmount", "currency",
                "createdDatetime", "payments", "refunds", "executed", "chargebacks", "paid", "refunded",
                "executedAmount", "pending"
            },
            description = "One order: pending = paid − refunded − executedAmount (a refund whose instruction has not"
                    + " executed yet is still pending).")
    public record StatementOrderResponse(
            String orderId,
            String campaignId,
            String status,
            BigDecimal totalAmount,
            BigDecimal orderAmount,
            BigDecimal feeAmount,
            String currency,
            Instant createdDatetime,
            List<StatementPaymentResponse> payments,
            List<StatementRefundResponse> refunds,
            @Schema(description = "The COMPANY and FEE parts EXECUTED into shares")
                    List<StatementExecutedResponse> executed,
            @Schema(description = "Card chargebacks reversed by ops") List<StatementChargebackResponse> chargebacks,
            @Schema(description = "Received and not recalled") BigDecimal paid,
            @Schema(description = "Refunds whose instruction EXECUTED, and chargebacks") BigDecimal refunded,
            @Schema(description = "Executed into shares, fees included") BigDecimal executedAmount,
            @Schema(description = "Paid and neither executed nor refunded: still held") BigDecimal pending) {

        static StatementOrderResponse of(OrderStatement s) {
            OrderFact o = s.order();
            return new StatementOrderResponse(
                    o.orderId().value(),
                    o.campaignId().value(),
                    o.status(),
                    o.totalAmount().amount(),
                    o.orderAmount().amount(),
                    o.feeAmount().amount(),
                    o.totalAmount().currency(),
                    o.createdAt(),
                    s.payments().stream().map(StatementPaymentResponse::of).toList(),
                    s.refunds().stream().map(StatementRefundResponse::of).toList(),
                    s.executed().stream().map(StatementExecutedResponse::of).toList(),
                    s.chargebacks().stream()
                            .map(StatementChargebackResponse::of)
                            .toList(),
                    s.paid().amount(),
                    s.refunded().amount(),
                    s.executedTotal().amount(),
                    s.pending().amount());
        }
    }

    @Schema(
            name = "StatementPayment",
            description = "A moneyin: what was received, when, how and from whom",
            requiredProperties = {"moneyinId", "amount", "currency", "receivedDatetime", "channel", "status"})
    public record StatementPaymentResponse(
            String moneyinId,
            BigDecimal amount,
            String currency,
            Instant receivedDatetime,
            PaymentChannel channel,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String pspReference,
            @Schema(allowableValues = {"RECEIVED", "RECALLED"}) String status,
            @Nullable Instant recalledDatetime) {

        static StatementPaymentResponse of(Payment p) {
            return new StatementPaymentResponse(
                    p.moneyinId().value(),
                    p.amount().amount(),
                    p.amount().currency(),
                    p.receivedAt(),
                    p.channel(),
                    p.payerName(),
                    p.payerIban(),
                    p.pspReference(),
                    p.status(),
                    p.recalledAt());
        }
    }

    @Schema(
            name = "StatementRefund",
            description = "A refund and the status of its current payment instruction",
            requiredProperties = {
                "refundId",
                "amount",
                "currency",
                "instructionId",
                "instructionStatus",
                "createdDatetime"
            })
    public record StatementRefundResponse(
            String refundId,
            BigDecimal amount,
            String currency,
            String instructionId,
            String instructionStatus,
            Instant createdDatetime,
            @Nullable Instant executedDatetime) {

        static StatementRefundResponse of(Refund r) {
            return new StatementRefundResponse(
                    r.refundId().value(),
                    r.amount().amount(),
                    r.amount().currency(),
                    r.instructionId().value(),
                    r.instructionStatus(),
                    r.createdAt(),
                    r.executedAt());
        }
    }

    @Schema(
            name = "StatementExecutedPart",
            description = "A COMPANY or FEE moneyout EXECUTED into shares",
            requiredProperties = {"moneyoutId", "type", "amount", "currency"})
    public record StatementExecutedResponse(
            String moneyoutId,
            @Schema(allowableValues = {"COMPANY", "FEE"}) String type,
            BigDecimal amount,
            String currency,
            @Nullable Instant executedDatetime) {

        static StatementExecutedResponse of(ExecutedPart e) {
            return new StatementExecutedResponse(
                    e.moneyoutId().value(),
                    e.type(),
                    e.amount().amount(),
                    e.amount().currency(),
                    e.executedAt());
        }
    }

    @Schema(
            name = "StatementChargeback",
            requiredProperties = {"moneyinId", "amount", "currency", "reversedDatetime"})
    public record StatementChargebackResponse(
            String moneyinId, BigDecimal amount, String currency, Instant reversedDatetime) {

        static StatementChargebackResponse of(Chargeback c) {
            return new StatementChargebackResponse(
                    c.moneyinId().value(), c.amount().amount(), c.amount().currency(), c.reversedAt());
        }
    }

    @Schema(
            name = "StatementTotals",
            description = "The orders' sums in one currency",
            requiredProperties = {"currency", "paid", "refunded", "executed", "pending"})
    public record StatementTotalsResponse(
            String currency, BigDecimal paid, BigDecimal refunded, BigDecimal executed, BigDecimal pending) {

        static StatementTotalsResponse of(Totals t) {
            return new StatementTotalsResponse(
                    t.currency(),
                    t.paid().amount(),
                    t.refunded().amount(),
                    t.executed().amount(),
                    t.pending().amount());
        }
    }
}
