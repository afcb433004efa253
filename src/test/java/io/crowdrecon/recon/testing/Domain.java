package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.shared.IdGenerator;
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

    /** Order {@code TRX1} of portal {@code P1}, campaign {@code C1}, paid by bank transfer, created at {@code at}. */
    public static Order order(OrderStatus status, Instant paymentWindowEndsAt, Instant at) {
        return new Order(
                "TRX1",
                "P1",
                "C1",
                "CO1",
                "I1",
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
