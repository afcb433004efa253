package io.crowdrecon.recon.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import io.crowdrecon.recon.order.OrderChannel;

/**
 * How money moves: a SEPA bank transfer, or a card payment through the gateway (refunded on its pspReference).
 *
 * <p>The constants are the names the database keeps. Clients know one name per channel, the one they order with
 * ({@link OrderChannel}): every answer, stream and outbound event spells a channel {@link #wireName()}, and this
 * enum is the only place that maps the two. A request may also spell MONEY_TRANSFER {@code MONEYTRANSFER} (Fabrick v4):
 * {@link OrderChannel#canonicalName} reads it; nothing writes it.
 */
public enum PaymentChannel {
    BANK_TRANSFER(OrderChannel.MONEY_TRANSFER),
    CARD(OrderChannel.CREDIT_CARD);

    private final OrderChannel onTheWire;

    PaymentChannel(OrderChannel onTheWire) {
        this.onTheWire = onTheWire;
    }

    /** The client's name of this channel: {@code MONEY_TRANSFER} or {@code CREDIT_CARD}; JSON writes it. */
    @JsonValue
    public String wireName() {
        return onTheWire.name();
    }
}
