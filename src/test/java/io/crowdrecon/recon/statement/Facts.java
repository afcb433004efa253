package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.statement.MoneyFacts.Chargeback;
import io.crowdrecon.recon.statement.MoneyFacts.ExecutedPart;
import io.crowdrecon.recon.statement.MoneyFacts.OrderFact;
import io.crowdrecon.recon.statement.MoneyFacts.Payment;
import io.crowdrecon.recon.statement.MoneyFacts.Payout;
import io.crowdrecon.recon.statement.MoneyFacts.Refund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small builder of {@link MoneyFacts} for the table tests: times are minutes after a fixed instant. */
final class Facts {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final CampaignId CAMPAIGN = CampaignId.of("CA1111111111111111");

    private final List<OrderFact> orders = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final List<ExecutedPart> executed = new ArrayList<>();
    private final List<Chargeback> chargebacks = new ArrayList<>();
    private final List<Payout> payouts = new ArrayList<>();
    private int next = 1;

    static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private String id(String prefix) {
        return prefix + String.format("%016d", next++);
    }

    static OrderId order(int n) {
        return OrderId.generate(new Random(n)); // the same id for the same n
    }

    static MoneyinId moneyin(int n) {
        return MoneyinId.of(String.format("MI%016d", n));
    }

    Facts order(int n, String orderAmount, String feeAmount, String status) {
        Money order = eur(orderAmount);
        Money fee = eur(feeAmount);
        orders.add(new OrderFact(order(n), CAMPAIGN, status, order.plus(fee), order, fee, at(0)));
        return this;
    }

    Facts paid(int n, String amount, int minute) {
        payments.add(new Payment(
                moneyin(n),
                order(n),
                eur(amount),
                at(minute),
                PaymentChannel.BANK_TRANSFER,
                "Mario Rossi",
                "IT60X0542811101000000123456",
                null,
                "RECEIVED",
                null));
        return this;
    }

    Facts recalled(int n, String amount, int minute, int recalledMinute) {
        payments.add(new Payment(
                moneyin(n),
                order(n),
                eur(amount),
                at(minute),
                PaymentChannel.BANK_TRANSFER,
                "Mario Rossi",
                "IT60X0542811101000000123456",
                null,
                "RECALLED",
                at(recalledMinute)));
        return this;
    }

    Facts refund(int n, String amount, String instructionStatus, int minute) {
        boolean executedNow = "EXECUTED".equals(instructionStatus);
        refunds.add(new Refund(
                RefundId.of(id("RF")),
                order(n),
                moneyin(n),
                eur(amount),
                at(minute),
                InstructionId.of(id("PI")),
                instructionStatus,
                executedNow ? at(minute + 1) : null));
        return this;
    }

    Facts executed(int n, String type, String amount, int minute) {
        executed.add(new ExecutedPart(MoneyoutId.of(id("MO")), order(n), type, eur(amount), at(minute)));
        return this;
    }

    Facts chargeback(int n, String amount, int minute) {
        chargebacks.add(new Chargeback(moneyin(n), order(n), eur(amount), at(minute)));
        return this;
    }

    Facts payout(String type, String amount, String successFee, String status, int minute) {
        payouts.add(new Payout(
                InstructionId.of(id("PI")),
                type,
                eur(amount),
                eur(successFee),
                status,
                "EXECUTED".equals(status) ? at(minute) : null));
        return this;
    }

    MoneyFacts build() {
        return new MoneyFacts(orders, payments, refunds, executed, chargebacks, payouts);
    }
}
