package io.crowdrecon.recon.shared;

/**
 * The stable {@code code} of every error the API answers (SPEC.md section 7). Each code belongs to
 * one {@link Category}; the web layer maps categories to HTTP statuses.
 */
public enum ErrorCode {
    MALFORMED_JSON(Category.INVALID, "The request body is not valid JSON"),
    VALIDATION_FAILED(Category.INVALID, "The request has invalid fields"),
    INVALID_PARAMETER(Category.INVALID, "A query or path parameter is invalid"),
    MALFORMED_REQUEST(Category.INVALID, "The request is not valid HTTP"),
    PAYLOAD_TOO_LARGE(Category.TOO_LARGE, "The request body is larger than 1 MB"),
    URI_TOO_LONG(Category.URI_TOO_LONG, "The request line is longer than the server accepts"),
    HEADERS_TOO_LARGE(Category.HEADERS_TOO_LARGE, "The request headers are larger than the server accepts"),
    UNAUTHORIZED(Category.UNAUTHENTICATED, "A valid API key is required"),
    FORBIDDEN(Category.FORBIDDEN, "This key may not use this endpoint"),
    FOUR_EYES(Category.FORBIDDEN, "A payment must be approved by an operator other than the one who caused it"),
    NOT_FOUND(Category.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED(Category.METHOD_NOT_ALLOWED, "Method not allowed on this resource"),
    NOT_ACCEPTABLE(Category.NOT_ACCEPTABLE, "This resource answers only application/json"),
    UNSUPPORTED_MEDIA_TYPE(Category.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json"),
    ILLEGAL_TRANSITION(Category.CONFLICT, "The resource cannot move to that status from its current one"),
    IBAN_IN_USE(Category.CONFLICT, "The collection IBAN belongs to another portal"),
    API_KEY_ALREADY_ISSUED(Category.CONFLICT, "The API key and webhook secret were already issued"),
    CAMPAIGN_NOT_OPEN(Category.CONFLICT, "The campaign is not open"),
    REFLECTION_PERIOD_OVER(Category.CONFLICT, "The order's reflection period is over: it can no longer be revoked"),
    NOT_REVOCABLE(Category.CONFLICT, "Only a non-sophisticated investor's order can be revoked"),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(Category.CONFLICT, "A request with this Idempotency-Key is still in progress"),
    PAYMENT_FILES_DISABLED(Category.CONFLICT, "Payment files are switched off (RECON_PAYMENT_FILES_ENABLED=false)"),
    WEBHOOK_ENDPOINT_LIMIT_REACHED(Category.CONFLICT, "The portal has as many webhook endpoints as it may (20)"),
    UNSUPPORTED_CURRENCY(Category.UNPROCESSABLE, "Only EUR is supported"),
    WEBHOOK_URL_NOT_ALLOWED(
            Category.UNPROCESSABLE,
            "The webhook URL is not allowed: it must be https and must not resolve to a loopback, link-local or private"
                    + " address"),
    IDEMPOTENCY_KEY_REUSED(Category.UNPROCESSABLE, "The Idempotency-Key was used with another request body"),
    NO_ORDERS_TO_EXECUTE(Category.UNPROCESSABLE, "ordersToExecute must hold at least one order"),
    ACCOUNTED_ORDERS_CHANGED(Category.UNPROCESSABLE, "The lists do not name every accounted order exactly once"),
    SPLIT_MISMATCH(Category.UNPROCESSABLE, "The split parts do not add up to the order's amounts"),
    TARGET_NOT_MET(Category.UNPROCESSABLE, "The executed amount is below targetAmountMin"),
    SUCCESS_FEE_EXCEEDS_CASHOUT(Category.UNPROCESSABLE, "The success fee exceeds the executed company amount"),
    MONEYOUTS_HELD(
            Category.UNPROCESSABLE,
            "An order to execute has moneyouts HELD (a chargeback, or a credit missing from the bank's statement)"),
    ORDERS_ON_HOLD(
            Category.UNPROCESSABLE, "Orders to execute are under a compliance hold: the orders member lists them"),
    REFLECTION_PERIOD_OPEN(
            Category.UNPROCESSABLE,
            "Orders to execute are still in their reflection period: the orders member lists them and when each ends"),
    FUNDS_NOT_CLEARED(
            Category.UNPROCESSABLE,
            "Orders to execute were paid with funds not yet cleared: the orders member lists them and when each clears"),
    RISK_WARNING_REQUIRED(
            Category.UNPROCESSABLE,
            "The investor's orders exceed the threshold: the order needs riskWarningAcknowledged true"),
    TICKET_BELOW_MINIMUM(Category.UNPROCESSABLE, "The orderAmount is below the campaign's minTicket"),
    TICKET_ABOVE_MAXIMUM(Category.UNPROCESSABLE, "The orderAmount is above the campaign's maxTicket"),
    TICKET_INCREMENT_NOT_MET(
            Category.UNPROCESSABLE, "The orderAmount is not minTicket plus a multiple of ticketIncrement"),
    MAX_PER_INVESTOR_EXCEEDED(
            Category.UNPROCESSABLE, "The investor's orders in this campaign would exceed its maxPerInvestor"),
    BANK_FILE_REJECTED(Category.UNPROCESSABLE, "The bank file cannot be read: the detail says why"),
    EVENTS_EXPIRED(Category.PRECONDITION_FAILED, "Events before this id are no longer kept"),
    RATE_LIMITED(Category.TOO_MANY_REQUESTS, "Too many requests"),
    NOT_IMPLEMENTED(Category.NOT_IMPLEMENTED, "Not implemented yet"),
    SERVICE_UNAVAILABLE(Category.UNAVAILABLE, "A backing service is unavailable; retry later"),
    INTERNAL_ERROR(Category.INTERNAL, "Unexpected error");

    /** What kind of failure a code is, independent of the transport. */
    public enum Category {
        INVALID,
        TOO_LARGE,
        URI_TOO_LONG,
        HEADERS_TOO_LARGE,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        NOT_ACCEPTABLE,
        UNSUPPORTED_MEDIA_TYPE,
        CONFLICT,
        UNPROCESSABLE,
        PRECONDITION_FAILED,
        TOO_MANY_REQUESTS,
        NOT_IMPLEMENTED,
        UNAVAILABLE,
        INTERNAL
    }

    private final Category category;
    private final String title;

    ErrorCode(Category category, String title) {
        this.category = category;
        this.title = title;
    }

    public Category category() {
        return category;
    }

    public String title() {
        return title;
    }
}
