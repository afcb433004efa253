package io.crowdrecon.recon.order;

/** The {@code reason} recorded with each order transition. */
public final class OrderReasons {

    public static final String ORDER_CREATED = "ORDER_CREATED";
    public static final String PORTAL_REQUEST = "PORTAL_REQUEST";
    public static final String CANCELLED_BY_PORTAL = "CANCELLED_BY_PORTAL";
    public static final String PAYMENT_MATCHED = "PAYMENT_MATCHED";
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    public static final String CAMPAIGN_CANCELLED = "CAMPAIGN_CANCELLED";
    public static final String PAYMENT_WINDOW_PASSED = "PAYMENT_WINDOW_PASSED";
    public static final String PAYMENT_RECALLED = "PAYMENT_RECALLED";
    public static final String CHARGEBACK = "CHARGEBACK";
    public static final String REVOKED_IN_REFLECTION_PERIOD = "REVOKED_IN_REFLECTION_PERIOD";

    private OrderReasons() {}
}
