package io.crowdrecon.recon.platform.openapi;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;

/** The capabilities the document groups operations by; controllers name them with {@code @Tag}. */
public final class ApiTags {

    public static final String CAMPAIGNS = "Campaigns";
    public static final String INVESTORS = "Investors";
    public static final String ORDERS = "Orders";
    public static final String PAYMENTS = "Payments";
    public static final String UNIDENTIFIED = "Unidentified transfers";
    public static final String STATISTICS = "Statistics";
    public static final String EVENTS = "Order events";
    public static final String CARD_WEBHOOK = "Card webhook";
    public static final String SANDBOX = "Sandbox";
    public static final String ONBOARDING = "Ops: onboarding";
    public static final String REVIEW = "Ops: review and instructions";
    public static final String AUDIT = "Ops: audit and statistics";
    public static final String BANK_FILES = "Ops: bank files and statements";
    public static final String OPERATORS = "Ops: operators and the ops log";
    public static final String PAYMENT_FILES = "Ops: payment files";
    public static final String HOLDS = "Compliance holds";
    public static final String EXPORTS = "Exports";
    public static final String WEBHOOKS = "Webhooks";

    private ApiTags() {}

    static List<Tag> all() {
        return List.of(
                tag(
                        CAMPAIGNS,
                        "A portal's campaigns: create, open, close, cancel, finalize; their orders and amounts."),
                tag(INVESTORS, "A portal's investors."),
                tag(ORDERS, "Subscription orders: place, follow, mark waiting, fail or cancel."),
                tag(PAYMENTS, "How an order was paid: moneyin, moneyouts, refund; a campaign's cashout."),
                tag(UNIDENTIFIED, "Payments that matched no order, and their automatic return."),
                tag(STATISTICS, "Settled money of a portal."),
                tag(
                        EXPORTS,
                        "CSV files for accounting (RFC 4180, UTF-8): moneyins, refunds, unidentified transfers, payment"
                                + " instructions and moneyouts of a period, streamed."),
                tag(EVENTS, "Server-Sent Events of order status changes, with resume."),
                tag(
                        WEBHOOKS,
                        "A portal's webhook endpoints (Standard Webhooks v1): every event it asks for is POSTed as a"
                                + " signed JSON CloudEvent, retried for 3 days; its deliveries, with their attempts,"
                                + " can be listed and replayed."),
                tag(CARD_WEBHOOK, "A card gateway pushing notifications, signed with the portal's webhook secret."),
                tag(SANDBOX, "Test mode: publish what a bank or a card gateway would (off in production)."),
                tag(ONBOARDING, "Operators onboard portals and companies."),
                tag(REVIEW, "Operators resolve review items and re-issue payment instructions."),
                tag(AUDIT, "Operators check the books and watch every portal."),
                tag(
                        BANK_FILES,
                        "The bank's own files in (camt.052/053/054, MT940), and each statement reconciled with the"
                                + " books."),
                tag(
                        PAYMENT_FILES,
                        "Payments out as SEPA credit transfer files (pain.001): build, list, read, download."),
                tag(
                        HOLDS,
                        "Ops freeze the money of an investor or an order under review, then release it to the company or"
                                + " refuse it back to its payers; a portal may place a hold on its own."),
                tag(
                        OPERATORS,
                        "Named operators with roles (VIEWER, OPERATOR, APPROVER, ADMIN), and the append-only log of"
                                + " every ops write: who did what, when, on which object, with the request's note."));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
