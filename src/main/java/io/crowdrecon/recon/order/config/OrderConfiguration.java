package io.crowdrecon.recon.order.config;

import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.investor.Investors;
import io.crowdrecon.recon.order.OrderDesk;
import io.crowdrecon.recon.order.OrderExpiry;
import io.crowdrecon.recon.order.OrderMoves;
import io.crowdrecon.recon.order.OrderRefunds;
import io.crowdrecon.recon.order.OrdersOfCampaigns;
import io.crowdrecon.recon.order.persistence.R2dbcOrders;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.portal.Portals;
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

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    R2dbcOrders orders(DatabaseClient database) {
        return new R2dbcOrders(database);
    }

    @Bean
    OrdersOfCampaigns ordersOfCampaigns(R2dbcOrders orders, EventLog events, Clock clock) {
        return new OrdersOfCampaigns(orders, events, clock);
    }

    @Bean
    OrderMoves orderMoves(
            R2dbcOrders orders, Clock clock, @Value("${recon.payment-window:10d}") Duration paymentWindow) {
        return new OrderMoves(orders, clock, paymentWindow);
    }

    @Bean
    OrderExpiry orderExpiry(
            R2dbcOrders orders, OrderMoves moves, EventLog events, Transactions transactions, Clock clock) {
        return new OrderExpiry(orders, moves, events, transactions, clock);
    }

    @Bean
    BackgroundLoop.Source orderExpiryLoop(OrderExpiry expiry, @Value("${recon.expiry-period:60s}") Duration period) {
        // Every minute (configurable), orders whose payment window passed expire.
        return () -> List.of(BackgroundLoop.cancelled(
                "Payment-window expiry", BackgroundLoop.Stage.JOBS, () -> expiry.every(period)));
    }

    @Bean
    OrderDesk orderDesk(
            R2dbcOrders orders,
            OrderMoves moves,
            OrderRefunds refunds,
            Campaigns campaigns,
            Investors investors,
            Portals portals,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock,
            @Value("${recon.payment-window:10d}") Duration paymentWindow) {
        return new OrderDesk(
                orders, moves, refunds, campaigns, investors, portals, events, transactions, ids, clock, paymentWindow);
    }
}
