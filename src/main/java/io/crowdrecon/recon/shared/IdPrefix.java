package io.crowdrecon.recon.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every kind of identifier the service hands out (SPEC.md section 2), and its shape: the one table the API's edge
 * checks ids against before any query, and the OpenAPI document publishes as {@code pattern}s. An order id is
 * {@code TRX} and 16 digits whose last two are check digits ({@link OrderId}); every other id is its prefix and
 * {@value #LENGTH} characters of {@link #ALPHABET}, as {@link IdGenerator} makes them.
 *
 * <p>Each kind also lists the names of the path variables, query parameters and JSON fields that hold such an id (or,
 * for {@code ordersToExecute} and {@code ordersToUndo}, a list of them): a name means the same kind of id everywhere
 * in the API.
 */
public enum IdPrefix {
    PORTAL("PRT", "portalId"),
    COMPANY("USR", "companyId"),
    CAMPAIGN("COL", "campaignId"),
    INVESTOR("INV", "investorId"),
    ORDER(OrderId.PREFIX, "orderId", "candidateOrderId", "ordersToExecute", "ordersToUndo"),
    MONEYIN("MI", "moneyinId"),
    MONEYOUT("MO", "moneyoutId"),
    REFUND("MB", "refundId"),
    UNIDENTIFIED_TRANSFER("UTR", "unidentifiedTransferId"),
    CASHOUT("CO", "cashoutId"),
    PAYMENT_INSTRUCTION("PI", "instructionId", "returnOfInstructionId"),
    REVIEW_ITEM("RI", "reviewItemId"),
    BANK_FILE("BFL", "bankFileId"),
    BANK_STATEMENT("BST", "bankStatementId"),
    OPERATOR("OPR", "operatorId"),
    PAYMENT_FILE("PFL", "paymentFileId"),
    HOLD("HLD", "holdId"),
    WEBHOOK_ENDPOINT("WHE", "webhookEndpointId"),
    WEBHOOK_DELIVERY("WHD", "deliveryId");

    /** The characters after the prefix of every id but an order id: no 0/O, 1/I/L, so that none is misread. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /** How many characters follow the prefix, in every kind of id. */
    public static final int LENGTH = 16;

    private static final Map<String, IdPrefix> BY_NAME = Arrays.stream(values())
            .flatMap(kind -> kind.names.stream().map(name -> Map.entry(name, kind)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String prefix;
    private final List<String> names;
    private final String regex;
    private final Pattern pattern;

    IdPrefix(String prefix, String... names) {
        this.prefix = prefix;
        this.names = List.of(names);
        this.regex = prefix
                + (prefix.equals(OrderId.PREFIX) ? "[0-9]{" + LENGTH + "}" : "[" + ALPHABET + "]{" + LENGTH + "}");
        this.pattern = Pattern.compile(regex);
    }

    public String prefix() {
        return prefix;
    }

    /** The path variables, query parameters and JSON fields that hold this kind of id; the first is its own field. */
    public List<String> names() {
        return names;
    }

    /**
     * The shape as a regular expression (the OpenAPI {@code pattern}). For an order id it does not say that the check
     * digits must be right: {@link #isWellFormed} does.
     */
    public String regex() {
        return regex;
    }

    /** Whether {@code candidate} could be an id of this kind: the shape, and for an order id its check digits. */
    public boolean isWellFormed(String candidate) {
        if (candidate == null) {
            return false;
        }
        return this == ORDER
                ? OrderId.isValid(candidate)
                : pattern.matcher(candidate).matches();
    }

    /** What a well-formed id of this kind looks like, for error messages. */
    public String shape() {
        return this == ORDER
                ? "TRX and 16 digits with valid check digits"
                : prefix + " and " + LENGTH + " characters of " + ALPHABET;
    }

    /** The kind of id that a path variable, query parameter or JSON field of this name holds, if any. */
    public static Optional<IdPrefix> named(@Nullable String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    /** Every name of {@link #names()}, with its kind. */
    public static Map<String, IdPrefix> byName() {
        return BY_NAME;
    }
}
