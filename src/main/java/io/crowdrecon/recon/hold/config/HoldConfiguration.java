package io.crowdrecon.recon.hold.config;

import io.crowdrecon.recon.hold.ComplianceHoldDesk;
import io.crowdrecon.recon.hold.persistence.R2dbcHolds;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.moneyout.Moneyouts;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class HoldConfiguration {

    /** The holds, and the active-hold questions of matching, payment and finalization (ActiveHolds, ComplianceHolds). */
    @Bean
    R2dbcHolds holds(DatabaseClient database) {
        return new R2dbcHolds(database);
    }

    @Bean
    ComplianceHoldDesk complianceHoldDesk(
            R2dbcHolds holds,
            Orders orders,
            OrderMoves moves,
            OrderRefunds refunds,
            Moneyouts moneyouts,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new ComplianceHoldDesk(
                holds, holds, orders, moves, refunds, moneyouts, reviewItems, events, transactions, ids, clock);
    }
}
