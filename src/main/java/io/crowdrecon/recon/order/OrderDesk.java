package io.crowdrecon.recon.order;

import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.Campaigns;
import io.crowdrecon.recon.investor.Investors;
import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.portal.Portals;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** A portal's orders: creation and the portal-driven transitions (SPEC.md sections 4 and 7). */
public class OrderDesk {

    private final Orders orders;
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
            Campaigns campaigns,
            Investors investors,
            Portals portals,
            EventLog events,
            Transactions transactions,
            IdGenerator ids,
            Clock clock,
            Duration paymentWindow) {
        this.orders = orders;
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
     * Creates an order in CREATED, with its history and its {@code CREATED} event. Errors:
     * VALIDATION_FAILED, UNSUPPORTED_CURRENCY, NOT_FOUND (campaign, investor), CAMPAIGN_NOT_OPEN.
     */
    public Mono<PlacedOrder> place(String portalId, PlaceOrder request) {
        return Mono.fromCallable(request::validate)
                .flatMap(valid -> transactions.inTransaction(() -> campaigns
                        // A shared lock: the campaign cannot close or be cancelled under this order.
                        .shareLockOfPortal(portalId, request.campaignId())
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", request.campaignId())))
                        .flatMap(campaign -> investors
                                .ofPortal(portalId, request.investorId())
                                .switchIfEmpty(
                                        Mono.error(() -> DomainException.notFound("Investor", request.investorId())))
                                .thenReturn(campaign))
                        .flatMap(campaign -> create(portalId, request, valid, campaign))))
                .flatMap(order -> portals.byId(portalId)
                        .map(portal -> new PlacedOrder(
                                order,
                                portal,
                                List.of(new StatusChange(
                                        OrderStatus.CREATED, null, OrderReasons.ORDER_CREATED, order.createdAt())))));
    }

    private Mono<Order> create(String portalId, PlaceOrder request, PlaceOrder.Valid valid, Campaign campaign) {
        if (!campaign.companyId().equals(request.companyId())) {
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
        Instant now = clock.instant();
        Order order = new Order(
                ids.nextOrderId().value(),
                portalId,
                campaign.campaignId(),
                campaign.companyId(),
                request.investorId(),
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
                now);
        StatusChange created = new StatusChange(OrderStatus.CREATED, null, OrderReasons.ORDER_CREATED, now);
        return orders.add(order, created)
                .then(events.append(List.of(changed(order, created).toEvent(portalId))))
                .thenReturn(order);
    }

    /** The order with its history. Errors: NOT_FOUND. */
    public Mono<PlacedOrder> get(String portalId, String orderId) {
        return orders.ofPortal(portalId, orderId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId)))
                .flatMap(this::withHistory);
    }

    public Mono<Page<Order>> ofCampaign(String portalId, String campaignId, PageRequest page) {
        return campaigns
                .ofPortal(portalId, campaignId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Campaign", campaignId)))
                .flatMap(campaign -> orders.pageOfCampaign(portalId, campaignId, page));
    }

    /** {@code PUT …/waiting}: the investor is paying; restarts the payment window. */
    public Mono<PlacedOrder> markWaiting(String portalId, String orderId) {
        return portalMove(portalId, orderId, OrderStatus.WAITING, OrderTrigger.PORTAL_WAITING);
    }

    /** {@code PUT …/failed}: the payment failed before any money arrived. */
    public Mono<PlacedOrder> markFailed(String portalId, String orderId) {
        return portalMove(portalId, orderId, OrderStatus.FAILED, OrderTrigger.PORTAL_FAILED);
    }

    /** {@code PUT …/cancelled}: cancels a payable order. */
    public Mono<PlacedOrder> cancel(String portalId, String orderId) {
        return portalMove(portalId, orderId, OrderStatus.CANCELLED, OrderTrigger.PORTAL_CANCELLED);
    }

    private Mono<PlacedOrder> portalMove(String portalId, String orderId, OrderStatus requested, OrderTrigger trigger) {
        return transactions
                .inTransaction(() -> orders.lockOfPortal(portalId, orderId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Order", orderId)))
                        .flatMap(order -> {
                            if (order.status() == requested) {
                                return Mono.just(order);
                            }
                            OrderStatus next = OrderTransitions.next(order.status(), trigger)
                                    .orElse(null);
                            if (next == null) {
                                return Mono.error(
                                        DomainException.illegalTransition("Order", orderId, order.status(), requested));
                            }
                            if (next == OrderStatus.REFUNDED) {
                                return Mono.error(new DomainException(
                                        ErrorCode.NOT_IMPLEMENTED,
                                        "Cancelling a paid order (refund) is not available yet"));
                            }
                            return move(order, next, OrderReasons.PORTAL_REQUEST);
                        }))
                .flatMap(this::withHistory);
    }

    /**
     * Moves a locked order and writes its event. The caller holds the order's lock inside a
     * transaction; a WAITING order gets a fresh payment window.
     */
    Mono<Order> move(Order order, OrderStatus next, String reason) {
        Instant now = clock.instant();
        Instant window = next == OrderStatus.WAITING ? now.plus(paymentWindow) : order.paymentWindowEndsAt();
        StatusChange change = new StatusChange(next, order.status(), reason, now);
        Order moved = order.moved(next, now, window);
        return orders.move(order.orderId(), change, next == OrderStatus.WAITING ? window : null)
                .flatMap(done -> done
                        ? events.append(List.of(changed(moved, change).toEvent(order.portalId())))
                                .thenReturn(moved)
                        : Mono.error(new IllegalStateException("order " + order.orderId() + " moved under its lock")));
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

    static OrderStatusChanged changed(Order order, StatusChange change) {
        return new OrderStatusChanged(
                order.orderId(),
                order.campaignId(),
                change.status(),
                change.previousStatus(),
                change.reason(),
                change.at());
    }
}
