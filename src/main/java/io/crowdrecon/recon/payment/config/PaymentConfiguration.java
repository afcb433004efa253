package io.crowdrecon.recon.payment.config;

import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.ComplianceHolds;
import io.crowdrecon.recon.payment.card.ApplyCardEvent;
import io.crowdrecon.recon.payment.card.ChargebackResolution;
import io.crowdrecon.recon.payment.instruction.ApplyBankDebit;
import io.crowdrecon.recon.payment.instruction.InstructionDesk;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.instruction.UnreceivedCredits;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.payment.persistence.R2dbcCardEvents;
import io.crowdrecon.recon.payment.persistence.R2dbcDebits;
import io.crowdrecon.recon.payment.persistence.R2dbcMoneyins;
import io.crowdrecon.recon.payment.persistence.R2dbcMoneyouts;
import io.crowdrecon.recon.payment.persistence.R2dbcPaymentInstructions;
import io.crowdrecon.recon.payment.persistence.R2dbcRefunds;
import io.crowdrecon.recon.payment.refund.PaymentRefunds;
import io.crowdrecon.recon.review.ReviewActions;
import io.crowdrecon.recon.review.ReviewActionsByKind;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    /**
     * Which instructions wait for an approver ({@code RECON_APPROVAL_THRESHOLD}, default 15,000.00), and whether bank
     * transfers leave in payment files rather than as events ({@code RECON_PAYMENT_FILES_ENABLED}, default false).
     */
    @Bean
    ReleasePolicy releasePolicy(
            @Value("${recon.approval-threshold:15000.00}") BigDecimal threshold,
            @Value("${recon.payment-files.enabled:false}") boolean paymentFiles) {
        return new ReleasePolicy(threshold, paymentFiles);
    }

    @Bean
    R2dbcMoneyins moneyins(DatabaseClient database) {
        return new R2dbcMoneyins(database);
    }

    @Bean
    R2dbcMoneyouts moneyouts(DatabaseClient database) {
        return new R2dbcMoneyouts(database);
    }

    @Bean
    R2dbcPaymentInstructions paymentInstructions(DatabaseClient database) {
        return new R2dbcPaymentInstructions(database);
    }

    @Bean
    R2dbcRefunds refunds(DatabaseClient database) {
        return new R2dbcRefunds(database);
    }

    @Bean
    PaymentRefunds orderRefunds(
            R2dbcMoneyins moneyins,
            R2dbcMoneyouts moneyouts,
            R2dbcRefunds refunds,
            R2dbcPaymentInstructions instructions,
            ReviewItems reviewItems,
            ReleasePolicy approval,
            IdGenerator ids,
            Clock clock) {
        return new PaymentRefunds(moneyins, moneyouts, refunds, instructions, reviewItems, approval, ids, clock);
    }

    @Bean
    Settlement settlement(
            R2dbcMoneyins moneyins,
            R2dbcMoneyouts moneyouts,
            R2dbcRefunds refunds,
            R2dbcPaymentInstructions instructions,
            PaymentRefunds paymentRefunds,
            ReviewItems reviewItems,
            ReleasePolicy approval,
            IdGenerator ids,
            Clock clock) {
        return new Settlement(
                moneyins, moneyouts, refunds, instructions, paymentRefunds, reviewItems, approval, ids, clock);
    }

    @Bean
    R2dbcCardEvents cardEvents(DatabaseClient database) {
        return new R2dbcCardEvents(database);
    }

    @Bean
    ApplyCardEvent applyCardEvent(
            R2dbcCardEvents cardEvents,
            ApplyBankDebit answers,
            Orders orders,
            OrderMoves moves,
            R2dbcMoneyouts moneyouts,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new ApplyCardEvent(
                cardEvents, answers, orders, moves, moneyouts, reviewItems, events, transactions, ids, clock);
    }

    @Bean
    ChargebackResolution chargebackResolution(
            Orders orders,
            OrderMoves moves,
            R2dbcMoneyouts moneyouts,
            ComplianceHolds holds,
            R2dbcCardEvents cardEvents,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            Clock clock) {
        return new ChargebackResolution(
                orders, moves, moneyouts, holds, cardEvents, reviewItems, events, transactions, clock);
    }

    @Bean
    UnreceivedCredits unreceivedCredits(
            R2dbcDebits debits,
            Orders orders,
            R2dbcMoneyins moneyins,
            R2dbcMoneyouts moneyouts,
            ComplianceHolds holds,
            ApplyBankDebit applyBankDebit,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            Clock clock) {
        return new UnreceivedCredits(
                debits, orders, moneyins, moneyouts, holds, applyBankDebit, reviewItems, events, transactions, clock);
    }

    /** The review actions of every kind that has some: chargebacks, credits not on the bank's statement. */
    @Bean
    @Primary
    ReviewActions reviewActions(ChargebackResolution chargebacks, UnreceivedCredits unreceived) {
        return new ReviewActionsByKind(List.of(chargebacks, unreceived));
    }

    @Bean
    R2dbcDebits debits(DatabaseClient database) {
        return new R2dbcDebits(database);
    }

    @Bean
    ApplyBankDebit applyBankDebit(
            R2dbcDebits debits,
            R2dbcPaymentInstructions instructions,
            UnidentifiedTransfers unidentified,
            R2dbcMoneyins moneyins,
            R2dbcMoneyouts moneyouts,
            Orders orders,
            OrderMoves moves,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new ApplyBankDebit(
                debits,
                instructions,
                unidentified,
                moneyins,
                moneyouts,
                orders,
                moves,
                reviewItems,
                events,
                transactions,
                ids,
                clock);
    }

    @Bean
    InstructionDesk instructionDesk(
            R2dbcPaymentInstructions instructions,
            UnidentifiedTransfers unidentified,
            R2dbcRefunds refunds,
            ReviewItems reviewItems,
            ReleasePolicy approval,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new InstructionDesk(
                instructions, unidentified, refunds, reviewItems, approval, events, transactions, ids, clock);
    }
}
