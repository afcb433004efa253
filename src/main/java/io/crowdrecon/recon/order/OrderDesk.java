package io.crowdrecon.recon.order;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.investor.Investor;
import io.crowdrecon.recon.investor.Investors;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.PortalSettings;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** A portal's orders: creation and the portal-driven transitions (SPEC.md sections 4 and 7). */
public class OrderDesk {

    private final Orders orders;
    private final OrderMoves moves;
    private final OrderRefunds refunds;
    private final Campaigns campaigns;
    private final Investors investors;
    private final Portals portals;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration paymentWindow;

    public OrderDesk(
            Orders orders,
            OrderMoves moves,
            OrderRefunds refunds,
            Campaigns campaigns,
            Investors investors,
            Portals portals,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock,
            Duration paymentWindow) {
        this.orders = orders;
        this.moves = moves;
        this.refunds = refunds;
        this.campaigns = campaigns;
        this.investors = investors;
        this.portals = portals;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.paymentWindow = paymentWindow;
    }

    /** An order with what the investor needs to pay it. */
    public record PlacedOrder(Order order, Portal portal, List<StatusChange> history) {}

    /**
     * Creates an order in CREATED, with its history and its {@code CREATED} event. Errors: VALIDATION_FAILED,
     * UNSUPPORTED_CURRENCY, NOT_FOUND (campaign, investor), CAMPAIGN_NOT_OPEN, and the refusals of {@link OrderLimits}
     * (the campaign's ticket rules, RISK_WARNING_REQUIRED).
     */
    public Mono<PlacedOrder> place(PortalId portalId, PlaceOrder request) {
        return Mono.fromCallable(request::validate)
                .flatMap(valid -> transactions.inTransaction(() -> campaigns
                        // A shared lock: the campaign cannot close or be cancelled under this order.
                        .shareLockOfPortal(portalId, CampaignId.of(request.campaignId()))
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", request.campaignId())))
                        .flatMap(campaign -> investors
                                // The investor's lock: two orders of one investor are summed one after the other,
                                // so they cannot both slip under a limit.
                                .lockOfPortal(portalId, InvestorId.of(request.investorId()))
                                .switchIfEmpty(
                                        Mono.error(() -> DomainException.notFound("Investor", request.investorId())))
                                .flatMap(investor -> create(portalId, request, valid, campaign, investor)))))
                .flatMap(order -> portals.byId(portalId)
                        .map(portal -> new PlacedOrder(
                                order,
                                portal,
                                List.of(StatusChange.created(OrderReasons.ORDER_CREATED, order.createdAt())))));
    }

    private Mono<Order> create(
            PortalId portalId, PlaceOrder request, PlaceOrder.Valid valid, Campaign campaign, Investor investor) {
        if (!campaign.companyId().value().equals(request.companyId())) {
            Validation.start()
                    .add("companyId", "is not the company of campaign " + campaign.campaignId())
                    .throwIfInvalid();
        }
        if (!campaign.status().acceptsOrders()) {
            return Mono.error(new DomainException(
                    ErrorCode.CAMPAIGN_NOT_OPEN,
                    "Campaign " + campaign.campaignId() + " is " + campaign.status()
                            + "; orders need an OPEN campaign"));
        }
        return orders.invested(investor.investorId(), campaign.campaignId(), OrderLimits.LIVE, OrderLimits.RUNNING)
                .map(invested -> limits(request, valid, campaign, investor, invested))
                .flatMap(facts -> OrderLimits.refusal(facts)
                        .<Mono<Duration>>map(Mono::error)
                        .orElseGet(() -> reflectionPeriod(portalId)))
                .flatMap(reflection -> add(portalId, request, valid, campaign, investor, reflection));
    }

    private static OrderLimits.Facts limits(
            PlaceOrder request, PlaceOrder.Valid valid, Campaign campaign, Investor investor, Orders.Invested sums) {
        return new OrderLimits.Facts(
                investor.profile().classification(),
                investor.profile().netWorth(),
                campaign.ticketRules(),
                valid.orderAmount(),
                request.acknowledgesRiskWarning(),
                sums.inCampaign(),
                sums.inRunningCampaigns());
    }

    private Mono<Order> add(
            PortalId portalId,
            PlaceOrder request,
            PlaceOrder.Valid valid,
            Campaign campaign,
            Investor investor,
            Duration reflectionPeriod) {
        Instant now = clock.instant();
        // Only a non-sophisticated investor may revoke (Art. 22); the period counts from the order's creation.
        @Nullable
        Instant reflectionEndsAt =
                investor.profile().classification().isProtected() ? now.plus(reflectionPeriod) : null;
        Order order = new Order(
                ids.nextOrderId(),
                portalId,
                campaign.campaignId(),
                campaign.companyId(),
                investor.investorId(),
                valid.investorAccount(),
                valid.totalAmount(),
                valid.orderAmount(),
                valid.feeAmount(),
                valid.currency(),
                valid.channel(),
                valid.references(),
                OrderStatus.CREATED,
                now.plus(paymentWindow),
                now,
                now,
                request.acknowledgesRiskWarning(),
                reflectionEndsAt);
        StatusChange created = StatusChange.created(OrderReasons.ORDER_CREATED, now);
        return orders.add(order, created)
                .then(events.append(List.of(changed(order, created).toEvent(portalId.value()))))
                .thenReturn(order);
    }

    /** The portal's reflection period (issue 23): the time a non-sophisticated investor has to revoke an order. */
    private Mono<Duration> reflectionPeriod(PortalId portalId) {
        return portals.settings(portalId)
                .map(PortalSettings::reflectionPeriod)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("portal " + portalId + " has no settings")));
    }

    /** The order with its history. Errors: NOT_FOUND. */
    public Mono<PlacedOrder> get(PortalId portalId, OrderId orderId) {
        return orders.ofPortal(portalId, orderId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId.value())))
                .flatMap(this::withHistory);
    }

    public Mono<Page<Order>> ofCampaign(PortalId portalId, String campaignId, PageRequest page) {
        return campaigns
                .ofPortal(portalId, CampaignId.of(campaignId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> orders.pageOfCampaign(campaign.portalId(), campaign.campaignId(), page));
    }

    /** {@code PUT …/waiting}: the investor is paying; restarts the payment window. */
    public Mono<PlacedOrder> markWaiting(PortalId portalId, OrderId orderId) {
        return portalMove(portalId, orderId, OrderStatus.WAITING, OrderTrigger.PORTAL_WAITING);
    }

    /** {@code PUT …/failed}: the payment failed before any money arrived. */
    public Mono<PlacedOrder> markFailed(PortalId portalId, OrderId orderId) {
        return portalMove(portalId, orderId, OrderStatus.FAILED, OrderTrigger.PORTAL_FAILED);
    }

    /**
     * {@code PUT …/cancelled}: cancels a payable order; refunds an ACCOUNTED one in the same
     * transaction (its moneyouts reversed, a refund of totalAmount to its payer).
     */
    public Mono<PlacedOrder> cancel(PortalId portalId, OrderId orderId) {
        return portalMove(portalId, orderId, OrderStatus.CANCELLED, OrderTrigger.PORTAL_CANCELLED);
    }

    /**
     * {@code PUT …/revoked}: within the reflection period of a non-sophisticated investor's order, a payable order
     * becomes REVOKED; an ACCOUNTED one too, refunded in full to its payer in the same transaction. Errors as
     * {@link Revocation} decides (NOT_REVOCABLE, REFLECTION_PERIOD_OVER, ILLEGAL_TRANSITION), and NOT_FOUND.
     */
    public Mono<PlacedOrder> revoke(PortalId portalId, OrderId orderId) {
        return transactions
                .inTransaction(() -> orders.lockOfPortal(portalId, orderId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId.value())))
                        .flatMap(order -> revoked(order, Revocation.decide(order, clock.instant()))))
                .flatMap(this::withHistory);
    }

    private Mono<Order> revoked(Order order, Revocation.Decision decision) {
        if (decision instanceof Revocation.Refused refused) {
            return Mono.error(refused.refusal());
        }
        if (!(decision instanceof Revocation.Revoke revoke)) {
            return Mono.just(order);
        }
        boolean refund = revoke.refund();
        String reason = OrderReasons.REVOKED_IN_REFLECTION_PERIOD;
        Mono<List<OutboundEvent>> money = refund ? refunds.refundInFull(order, reason) : Mono.just(List.of());
        return money.flatMap(moneyEvents -> moves.move(order, OrderTrigger.PORTAL_REVOKED, reason)
                .flatMap(moved ->
                        events.append(concat(moneyEvents, moved.event())).thenReturn(moved.order())));
    }

    private Mono<PlacedOrder> portalMove(
            PortalId portalId, OrderId orderId, OrderStatus requested, OrderTrigger trigger) {
        return transactions
                .inTransaction(() -> orders.lockOfPortal(portalId, orderId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId.value())))
                        .flatMap(order -> {
                            if (order.status() == requested) {
                                return Mono.just(order);
                            }
                            if (requested == OrderStatus.CANCELLED && order.status() == OrderStatus.REFUNDED) {
                                return repeatedCancellation(order);
                            }
                            OrderStatus next = OrderTransitions.next(order.status(), trigger)
                                    .orElse(null);
                            if (next == null) {
                                return Mono.error(DomainException.illegalTransition(
                                        "Order", orderId.value(), order.status(), requested));
                            }
                            Mono<List<OutboundEvent>> money = next == OrderStatus.REFUNDED
                                    ? refunds.refundInFull(order, OrderReasons.CANCELLED_BY_PORTAL)
                                    : Mono.just(List.of());
                            String reason = next == OrderStatus.REFUNDED
                                    ? OrderReasons.CANCELLED_BY_PORTAL
                                    : OrderReasons.PORTAL_REQUEST;
                            return money.flatMap(moneyEvents -> moves.move(order, trigger, reason)
                                    .flatMap(moved -> events.append(concat(moneyEvents, moved.event()))
                                            .thenReturn(moved.order())));
                        }))
                .flatMap(this::withHistory);
    }

    /** Each order of a page with its history. */
    public Mono<Page<PlacedOrder>> withHistories(Page<Order> page) {
        return reactor.core.publisher.Flux.fromIterable(page.items())
                .concatMap(this::withHistory)
                .collectList()
                .map(items -> new Page<>(items, page.page(), page.size(), page.total()));
    }

    private Mono<PlacedOrder> withHistory(Order order) {
        return Mono.zip(
                        portals.byId(order.portalId()),
                        orders.history(order.orderId()).collectList())
                .map(t -> new PlacedOrder(order, t.getT1(), t.getT2()));
    }

    /**
     * A portal repeating the cancellation of an order it had paid and cancelled gets 200 and no
     * change, like any PUT to the current status; refunded for another reason, it is a 409.
     */
    private Mono<Order> repeatedCancellation(Order order) {
        return orders.history(order.orderId())
                .last()
                .flatMap(last -> OrderReasons.CANCELLED_BY_PORTAL.equals(last.reason())
                        ? Mono.just(order)
                        : Mono.error(DomainException.illegalTransition(
                                "Order", order.orderId().value(), order.status(), OrderStatus.CANCELLED)));
    }

    private static List<OutboundEvent> concat(List<OutboundEvent> first, OutboundEvent last) {
        List<OutboundEvent> all = new java.util.ArrayList<>(first);
        all.add(last);
        return all;
    }

    static OrderStatusChanged changed(Order order, StatusChange change) {
        return new OrderStatusChanged(
                order.orderId().value(),
                order.campaignId().value(),
                change.status(),
                change.previousStatus(),
                change.reason(),
                change.at());
    }
}
