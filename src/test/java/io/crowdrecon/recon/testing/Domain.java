package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;

/** Domain values for pure unit tests: an order of 1,100.00 EUR (1,000.00 for the company, 100.00 fee). */
public final class Domain {

    private Domain() {}

    /**
     * Ids drawn from one random sequence seeded with {@code seed}: the same ids on every run, and a different id at
     * every call (a generator made of a fresh random per call would answer the same id each time and hide a mix-up).
     */
    public static IdGenerator ids(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new IdGenerator(() -> random);
    }

    /** The id of {@link #order}. */
    public static final OrderId ORDER_ID = orderId(1);

    /** A valid order id (its check digits right, as every {@link OrderId} has), the same for the same seed. */
    public static OrderId orderId(long seed) {
        return OrderId.generate(new SplittableRandom(seed));
    }

    /**
     * A valid order id standing for a test's order {@code name} of up to four ASCII characters ({@code "A"}, {@code "B"}
     * ...): its digits are the characters' codes, so that ids sort as their names do. {@link #orderName} reads it back.
     */
    public static OrderId orderId(String name) {
        if (name.isEmpty() || name.length() > 4) {
            throw new IllegalArgumentException("a name of 1 to 4 characters: " + name);
        }
        StringBuilder codes = new StringBuilder();
        name.chars().forEach(c -> codes.append(String.format("%03d", c)));
        long digits = Long.parseLong(codes.toString());
        // ISO 7064 MOD 97-10: the two check digits make the 16-digit number 1 modulo 97.
        long check = 98 - (digits * 100 % 97);
        return OrderId.of(OrderId.PREFIX + String.format("%014d%02d", digits, check));
    }

    /** The name {@link #orderId(String)} made {@code id} of, or the id itself when it was not made so. */
    public static String orderName(String id) {
        if (!OrderId.isValid(id) || !id.startsWith(OrderId.PREFIX + "00")) {
            return id;
        }
        String digits = Long.toString(Long.parseLong(id.substring(OrderId.PREFIX.length(), id.length() - 2)));
        if (digits.length() % 3 != 0) {
            digits = "0".repeat(3 - digits.length() % 3) + digits;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            name.append((char) Integer.parseInt(digits.substring(i, i + 3)));
        }
        return name.toString();
    }

    /** Order {@link #ORDER_ID} of portal {@code P1}, campaign {@code C1}, paid by bank transfer, created at {@code at}. */
    public static Order order(OrderStatus status, Instant paymentWindowEndsAt, Instant at) {
        return new Order(
                ORDER_ID,
                PortalId.of("P1"),
                CampaignId.of("C1"),
                CompanyId.of("CO1"),
                InvestorId.of("I1"),
                null,
                new BigDecimal("1100"),
                new BigDecimal("1000"),
                new BigDecimal("100"),
                "EUR",
                OrderChannel.MONEY_TRANSFER,
                null,
                status,
                paymentWindowEndsAt,
                at,
                at);
    }
}
