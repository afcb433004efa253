package io.crowdrecon.recon.finalization.config;

import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.finalization.FinalizeCampaign;
import io.crowdrecon.recon.finalization.persistence.R2dbcCashouts;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.Orders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.instruction.ReleasePolicy;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class FinalizationConfiguration {

    @Bean
    R2dbcCashouts cashouts(DatabaseClient database) {
        return new R2dbcCashouts(database);
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
                events,
                transactions,
                ids,
                clock);
    }
}
