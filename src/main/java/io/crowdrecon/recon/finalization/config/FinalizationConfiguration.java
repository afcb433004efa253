package io.crowdrecon.recon.finalization.config;

import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.clearing.ClearingDates;
import io.crowdrecon.recon.finalization.FinalizeCampaign;
import io.crowdrecon.recon.finalization.persistence.R2dbcCashouts;
import io.crowdrecon.recon.finalization.persistence.R2dbcPendingFinalizations;
import io.crowdrecon.recon.hold.ActiveHolds;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.BackgroundLoop;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class FinalizationConfiguration {

    @Bean
    R2dbcCashouts cashouts(DatabaseClient database) {
        return new R2dbcCashouts(database);
    }

    @Bean
    R2dbcPendingFinalizations pendingFinalizations(DatabaseClient database, ObjectMapper json) {
        return new R2dbcPendingFinalizations(database, json);
    }

    @Bean
    BackgroundLoop.Source clearingLoop(
            FinalizeCampaign finalize,
            @Value("${recon.investor-protection.clearing-check-period:60s}") Duration period) {
        // Every minute (configurable), waiting finalizations whose funds cleared are executed.
        return () -> List.of(BackgroundLoop.cancelled(
                "Finalization when cleared", BackgroundLoop.Stage.JOBS, () -> finalize.every(period)));
    }

    @Bean
    FinalizeCampaign finalizeCampaign(
            Campaigns campaigns,
            Orders orders,
            OrderMoves moves,
            OrderRefunds refunds,
            Settlement settlement,
            ReleasePolicy release,
            R2dbcCashouts cashouts,
            Companies companies,
            Portals portals,
            ActiveHolds holds,
            ClearingDates clearing,
            R2dbcPendingFinalizations pending,
            ReviewItems reviewItems,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new FinalizeCampaign(
                campaigns,
                orders,
                moves,
                refunds,
                settlement,
                release,
                cashouts,
                companies,
                portals,
                holds,
                clearing,
                pending,
                reviewItems,
                events,
                transactions,
                ids,
                clock);
    }
}
