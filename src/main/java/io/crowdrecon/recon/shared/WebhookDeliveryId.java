package io.crowdrecon.recon.shared;

/**
 * The id of one event's delivery to one webhook endpoint, {@code WHD23456789ABCDEFGH} for example (shape: {@link IdPrefix#HOLD}). Holds any
 * non-blank value: see {@link Ids} for why the shape is checked at the edge and not here.
 *
 * @param value the id as the API and the database spell it
 */
public record WebhookDeliveryId(String value) {

    /** The kind of id this is: its prefix, shape and field names. */
    public static final IdPrefix KIND = IdPrefix.WEBHOOK_DELIVERY;

    public WebhookDeliveryId {
        Ids.requirePresent(value, KIND);
    }

    /** The id named by {@code value}, which must not be blank. */
    public static WebhookDeliveryId of(String value) {
        return new WebhookDeliveryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
