package io.crowdrecon.recon.order;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the investor is expected to pay an order (the order's {@code channel} field). Requests may also spell a channel
 * by an alias ({@link #canonicalName}); answers, streams and events write only the constants' names.
 */
public enum OrderChannel {
    /** A bank transfer to the portal's collection IBAN, naming the orderId. */
    MONEY_TRANSFER,
    /** A card payment through the portal's card gateway. */
    CREDIT_CARD;

    // Fabrick v4 spells the transfer channel MONEYTRANSFER: a client moving from it sends that unchanged.
    private static final Map<String, OrderChannel> ALIASES = Map.of("MONEYTRANSFER", MONEY_TRANSFER);

    /** The other spellings requests may use (the API document lists them). */
    public static Set<String> aliases() {
        return ALIASES.keySet();
    }

    /**
     * The name of the channel a request's {@code wire} text spells: a constant's name for an alias, anything else
     * unchanged (validated afterwards against the names, exactly and case-sensitively); null stays null.
     */
    public static @Nullable String canonicalName(@Nullable String wire) {
        OrderChannel aliased = wire == null ? null : ALIASES.get(wire);
        return aliased == null ? wire : aliased.name();
    }
}
