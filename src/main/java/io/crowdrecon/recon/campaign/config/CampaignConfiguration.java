package io.crowdrecon.recon.campaign.config;

import io.crowdrecon.recon.campaign.CampaignDesk;
import io.crowdrecon.recon.campaign.CampaignOrders;
import io.crowdrecon.recon.campaign.persistence.R2dbcCampaigns;
import io.crowdrecon.recon.portal.Companies;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    R2dbcCampaigns campaigns(DatabaseClient database) {
        return new R2dbcCampaigns(database);
    }

    @Bean
    CampaignDesk campaignDesk(
            R2dbcCampaigns campaigns,
            Companies companies,
            CampaignOrders orders,
            Transactions transactions,
            IdGenerator ids,
            Clock clock) {
        return new CampaignDesk(campaigns, companies, orders, transactions, ids, clock);
    }
}
