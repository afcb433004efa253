package io.crowdrecon.recon.matching.config;

import io.crowdrecon.recon.hold.ActiveHolds;
import io.crowdrecon.recon.matching.Notifications;
import io.crowdrecon.recon.matching.ReconcileIncomingCredits;
import io.crowdrecon.recon.matching.persistence.R2dbcCreditLedger;
import io.crowdrecon.recon.matching.persistence.R2dbcNotifications;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.Moneyins;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    R2dbcCreditLedger creditLedger(DatabaseClient database, Clock clock) {
        return new R2dbcCreditLedger(database, clock);
    }

    @Bean
    Notifications notifications(DatabaseClient database) {
        return new R2dbcNotifications(database);
    }

    @Bean
    ReconcileIncomingCredits reconcileIncomingCredits(
            R2dbcCreditLedger ledger,
            Portals portals,
            Orders orders,
            Moneyins moneyins,
            Moneyouts moneyouts,
            UnidentifiedTransfers unidentifiedTransfers,
            PaymentInstructions instructions,
            ReviewItems reviewItems,
            ActiveHolds holds,
            ReleasePolicy approval,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new ReconcileIncomingCredits(
                new ReconcileIncomingCredits.Stores(
                        ledger,
                        portals,
                        orders,
                        moneyins,
                        moneyouts,
                        unidentifiedTransfers,
                        instructions,
                        reviewItems,
                        holds),
                approval,
                events,
                transactions,
                ids,
                clock);
    }
}
