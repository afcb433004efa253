package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.benchmark.CreditPlan.SeededOrder;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The soak's bank credits on {@code recon.bank-notifications} (acks=all), paced, round-robin over the portals: 90 %
 * pay one of the portal's seeded WAITING orders exactly, 10 % do not match (no reference, an unknown order, the wrong
 * amount), each recorded with its notification id, send time and the outcome SPEC gives it. The credits of the
 * statement portal carry the booking day of the current statement window ({@link #window}), so that each window's
 * camt.053 lists exactly them and the statement reconciles.
 */
final class SoakCreditDriver extends PacedDriver implements AutoCloseable {

    /** What a non-match is, with the outcome (credit {@code coalesce(reason, outcome)}) it must end with. */
    static final List<String> NON_MATCHES = List.of("MISSING_REFERENCE", "UNKNOWN_ORDER", "AMOUNT_MISMATCH");

    /** One credit sent. {@code window} is its statement window (-1: not on the statement account). */
    record Sent(
            String notificationId,
            int portal,
            String expected,
            long sentMicros,
            int window,
            BigDecimal amount,
            String bankReference,
            String payerIban,
            String description) {}

    final Queue<Sent> acknowledged = new ConcurrentLinkedQueue<>();
    /** Every credit handed to the producer, by notification id (the decision latency is measured from its send). */
    final Map<String, Sent> byId = new ConcurrentHashMap<>();
    /** Statement window → credits of the statement portal handed to the producer in it. */
    final Map<Integer, AtomicLong> handed = new ConcurrentHashMap<>();
    /** The statement window the statement portal's credits are booked in now; the statement thread moves it on. */
    volatile int window;

    private final KafkaProducer<String, String> producer;
    private final Map<Portal, ArrayDeque<SeededOrder>> payable = new IdentityHashMap<>();
    private final Random random = new Random(4711);
    private final Set<String> usedOrderIds = new HashSet<>();
    private final int statementPortal;
    private final LocalDate firstStatementDay;
    private long ticks;

    SoakCreditDriver(
            String bootstrapServers,
            List<Portal> portals,
            Map<Portal, List<SeededOrder>> orders,
            int inFlight,
            int statementPortal,
            LocalDate firstStatementDay) {
        super(portals, inFlight);
        orders.forEach((portal, list) -> {
            payable.put(portal, new ArrayDeque<>(list));
            list.forEach(o -> usedOrderIds.add(o.orderId()));
        });
        this.statementPortal = statementPortal;
        this.firstStatementDay = firstStatementDay;
        this.producer = CreditDriver.bank(bootstrapServers, "crowdrecon-soak-bank");
    }

    /** The booking day of statement window {@code w}: one day per window, so each statement is one day's. */
    LocalDate statementDay(int w) {
        return firstStatementDay.plusDays(w);
    }

    @Override
    String causeName() {
        return "credit acknowledged by the broker";
    }

    @Override
    void next(Portal portal) {
        long tick = ticks++;
        // Every tenth credit is a non-match, the kinds in turn; spread over the portals by the round-robin.
        String kind = tick % 10 == 9 ? NON_MATCHES.get((int) ((tick / 10) % NON_MATCHES.size())) : "EXACT";
        SeededOrder order = null;
        if (kind.equals("EXACT") || kind.equals("AMOUNT_MISMATCH")) {
            order = payable.get(portal).poll();
            if (order == null) {
                failed("no seeded order left", portal.portalId);
                release();
                return;
            }
        }
        String payerIban = order == null ? CreditPlan.iban(random) : order.investorIban();
        Credit credit = Credits.to(portal.collectionIban).payerIban(payerIban);
        BigDecimal amount;
        String description;
        switch (kind) {
            case "EXACT" -> {
                amount = order.totalAmount();
                description = "Subscription " + order.orderId();
            }
            case "AMOUNT_MISMATCH" -> {
                amount = order.totalAmount().subtract(BigDecimal.ONE);
                description = "Subscription " + order.orderId();
            }
            case "UNKNOWN_ORDER" -> {
                amount = BigDecimal.valueOf(1_000 + random.nextInt(1_000_000), 2);
                description = "Subscription " + CreditPlan.freshOrderId(random, usedOrderIds);
            }
            default -> {
                amount = BigDecimal.valueOf(1_000 + random.nextInt(1_000_000), 2);
                description = "Subscription of shares, thank you";
            }
        }
        int w = portal.index == statementPortal ? window : -1;
        String bankReference = "SOAK" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        credit.amount(amount.toPlainString()).description(description).bankReference(bankReference);
        if (w >= 0) {
            credit.bookingDate(statementDay(w).toString());
        }
        if (w >= 0) {
            handed.computeIfAbsent(w, k -> new AtomicLong()).incrementAndGet();
        }
        Sent record = new Sent(
                credit.notificationId(),
                portal.index,
                kind.equals("EXACT") ? "MATCHED" : kind,
                ChangeDriver.wallMicros(),
                w,
                amount,
                bankReference,
                payerIban,
                description);
        byId.put(record.notificationId(), record);
        long sentNanos = System.nanoTime();
        producer.send(new ProducerRecord<>(Credits.TOPIC, credit.notificationId(), credit.json()), (meta, error) -> {
            if (error == null) {
                acknowledged.add(record);
                succeeded(record.notificationId(), kind, record.sentMicros(), sentNanos);
            } else {
                failed("credit not published " + error.getClass().getSimpleName(), error.toString());
            }
            release();
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
