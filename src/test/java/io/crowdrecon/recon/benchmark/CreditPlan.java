package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.shared.OrderId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/**
 * The orders of one benchmark set and the credits that pay (or fail to pay) them, in publish order:
 * 90 % exact matches (one per order), 10 % spread over every non-match reason of SPEC.md section 5,
 * and 1 % of the credits published a second time under the same notificationId.
 *
 * <p>Whatever the consumer's interleaving of partitions, the outcome of every credit is fixed: a
 * credit that depends on another one (an {@code ALREADY_PAID} credit on the order an exact credit
 * pays, a redelivery) is published later on the same partition as that one, and every other
 * non-match names an order no other credit touches.
 */
final class CreditPlan {

    /** What a credit is meant to be decided as. */
    enum Kind {
        EXACT,
        UNKNOWN_ACCOUNT,
        MISSING_REFERENCE,
        AMBIGUOUS_REFERENCE,
        INVALID_REFERENCE,
        UNKNOWN_ORDER,
        ALREADY_PAID,
        ORDER_NOT_PAYABLE,
        CURRENCY_MISMATCH,
        AMOUNT_MISMATCH
    }

    static final List<Kind> NON_MATCHES = List.of(Kind.values()).subList(1, Kind.values().length);
    static final String PAYER_NAME = "Mario Rossi";
    static final String HOLDER_NAME = "Mario";
    static final String HOLDER_SURNAME = "Rossi";

    /** An order loaded by SQL: WAITING, or CANCELLED for the ORDER_NOT_PAYABLE credits. */
    record SeededOrder(
            String orderId, BigDecimal orderAmount, BigDecimal feeAmount, String investorIban, boolean cancelled) {
        BigDecimal totalAmount() {
            return orderAmount.add(feeAmount);
        }
    }

    /** One credit message (a redelivery is its own entry with {@code redeliveryOf} set). */
    static final class PlannedCredit {
        final String notificationId;
        final Kind kind;
        final SeededOrder order; // the order it pays or names, when one of this set
        final String namedOrderId; // the order id it names (candidateOrderId), if any
        final BigDecimal amount;
        final String currency;
        final String creditorIban;
        final String bankReference;
        final String description;
        final String payerIban;
        final PlannedCredit redeliveryOf;
        /** The credit this one must follow on its partition (an ALREADY_PAID credit's exact match). */
        PlannedCredit after;

        double position;
        /** System.nanoTime() when handed to the producer; 0 until then. */
        long publishedNanos;
        /** Epoch microseconds when handed to the producer. */
        long publishedMicros;
        /** System.nanoTime() when its COMPANY moneyout was read from recon.moneyouts; 0 until then. */
        long moneyoutNanos;

        PlannedCredit(
                String notificationId,
                Kind kind,
                SeededOrder order,
                String namedOrderId,
                BigDecimal amount,
                String currency,
                String creditorIban,
                String bankReference,
                String description,
                String payerIban,
                PlannedCredit redeliveryOf) {
            this.notificationId = notificationId;
            this.kind = kind;
            this.order = order;
            this.namedOrderId = namedOrderId;
            this.amount = amount;
            this.currency = currency;
            this.creditorIban = creditorIban;
            this.bankReference = bankReference;
            this.description = description;
            this.payerIban = payerIban;
            this.redeliveryOf = redeliveryOf;
        }

        PlannedCredit redelivery() {
            return new PlannedCredit(
                    notificationId,
                    kind,
                    order,
                    namedOrderId,
                    amount,
                    currency,
                    creditorIban,
                    bankReference,
                    description,
                    payerIban,
                    this);
        }

        boolean isRedelivery() {
            return redeliveryOf != null;
        }

        /** The CREDIT message of SPEC.md section 6, as a bank feed writes it (redeliveries byte for byte). */
        byte[] json(String receivedDatetime, String bookingDate) {
            StringBuilder s = new StringBuilder(400);
            s.append("{\"notificationId\":\"").append(notificationId).append('"');
            s.append(",\"direction\":\"CREDIT\"");
            s.append(",\"amount\":").append(amount.toPlainString());
            s.append(",\"currency\":\"").append(currency).append('"');
            s.append(",\"creditorIban\":\"").append(creditorIban).append('"');
            s.append(",\"bankReference\":\"").append(bankReference).append('"');
            s.append(",\"receivedDatetime\":\"").append(receivedDatetime).append('"');
            s.append(",\"bookingDate\":\"").append(bookingDate).append('"');
            s.append(",\"description\":\"").append(description).append('"');
            s.append(",\"payerName\":\"").append(PAYER_NAME).append('"');
            s.append(",\"payerIban\":\"").append(payerIban).append('"');
            s.append('}');
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    final String label;
    final List<SeededOrder> orders;
    /** Every message in publish order, redeliveries included. */
    final List<PlannedCredit> publishOrder;
    /** Distinct notificationIds (what the credit table ends with). */
    final int distinct;

    final Map<Kind, Integer> expected;
    final String receivedDatetime;
    final String bookingDate;
    final Instant receivedAt;

    private CreditPlan(
            String label, List<SeededOrder> orders, List<PlannedCredit> publishOrder, Map<Kind, Integer> expected) {
        this.label = label;
        this.orders = orders;
        this.publishOrder = publishOrder;
        this.expected = expected;
        this.distinct =
                (int) publishOrder.stream().filter(c -> !c.isRedelivery()).count();
        this.receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.receivedDatetime = receivedAt.toString();
        this.bookingDate = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC).toString();
    }

    int exact() {
        return expected.get(Kind.EXACT);
    }

    int redeliveries() {
        return publishOrder.size() - distinct;
    }

    /**
     * Plans {@code n} distinct credits over {@code n} fresh orders.
     *
     * @param usedOrderIds every order id handed out so far, in any set (updated)
     * @param partitions partitions of the bank topic (dependent credits go to their parent's)
     */
    static CreditPlan create(
            String label,
            int n,
            String collectionIban,
            Random random,
            Set<String> usedOrderIds,
            int partitions,
            boolean withRedeliveries) {
        int nonMatches = n / 10;
        int exact = n - nonMatches;
        Map<Kind, Integer> expected = new EnumMap<>(Kind.class);
        expected.put(Kind.EXACT, exact);
        for (int i = 0; i < NON_MATCHES.size(); i++) {
            Kind kind = NON_MATCHES.get(i);
            expected.put(kind, nonMatches / NON_MATCHES.size() + (i < nonMatches % NON_MATCHES.size() ? 1 : 0));
        }
        int cancelled = expected.get(Kind.ORDER_NOT_PAYABLE);

        // Orders: the exact ones first, then the cancelled ones, then the currency / amount mismatch targets.
        List<SeededOrder> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal orderAmount =
                    BigDecimal.valueOf(10_000 + random.nextInt(990_000), 2).add(BigDecimal.valueOf(100));
            BigDecimal fee = BigDecimal.valueOf(50 + random.nextInt(5_000), 2);
            boolean isCancelled = i >= exact && i < exact + cancelled;
            orders.add(
                    new SeededOrder(freshOrderId(random, usedOrderIds), orderAmount, fee, iban(random), isCancelled));
        }

        List<PlannedCredit> primary = new ArrayList<>(n);
        List<PlannedCredit> dependent = new ArrayList<>();
        int[] counter = {0};
        String prefix = "BNK-" + label + "-";
        List<PlannedCredit> exactCredits = new ArrayList<>(exact);
        for (int i = 0; i < exact; i++) {
            SeededOrder o = orders.get(i);
            PlannedCredit c = credit(
                    prefix + (counter[0]++),
                    Kind.EXACT,
                    o,
                    o.orderId(),
                    o.totalAmount(),
                    "EUR",
                    collectionIban,
                    "Subscription " + o.orderId(),
                    o.investorIban(),
                    random);
            primary.add(c);
            exactCredits.add(c);
        }
        int next = exact + cancelled;
        for (Kind kind : NON_MATCHES) {
            for (int k = 0; k < expected.get(kind); k++) {
                String id = prefix + (counter[0]++);
                switch (kind) {
                    case UNKNOWN_ACCOUNT -> {
                        String named = freshOrderId(random, usedOrderIds);
                        primary.add(credit(
                                id,
                                kind,
                                null,
                                null,
                                amount(random),
                                "EUR",
                                iban(random),
                                "Subscription " + named,
                                iban(random),
                                random));
                    }
                    case MISSING_REFERENCE ->
                        primary.add(credit(
                                id,
                                kind,
                                null,
                                null,
                                amount(random),
                                "EUR",
                                collectionIban,
                                "Subscription of shares, thank you",
                                iban(random),
                                random));
                    case AMBIGUOUS_REFERENCE -> {
                        String a = freshOrderId(random, usedOrderIds);
                        String b = freshOrderId(random, usedOrderIds);
                        primary.add(credit(
                                id,
                                kind,
                                null,
                                null,
                                amount(random),
                                "EUR",
                                collectionIban,
                                "Orders " + a + " and " + b,
                                iban(random),
                                random));
                    }
                    case INVALID_REFERENCE -> {
                        String typo = typo(freshOrderId(random, usedOrderIds), random);
                        primary.add(credit(
                                id,
                                kind,
                                null,
                                null,
                                amount(random),
                                "EUR",
                                collectionIban,
                                "Subscription " + typo,
                                iban(random),
                                random));
                    }
                    case UNKNOWN_ORDER -> {
                        String unknown = freshOrderId(random, usedOrderIds);
                        primary.add(credit(
                                id,
                                kind,
                                null,
                                unknown,
                                amount(random),
                                "EUR",
                                collectionIban,
                                "Subscription " + unknown,
                                iban(random),
                                random));
                    }
                    case ALREADY_PAID -> {
                        // An order an exact credit pays: published after that credit, on its partition.
                        PlannedCredit paid = exactCredits.get(random.nextInt(exactCredits.size()));
                        String sameId = onPartition(id, partitionOf(paid.notificationId, partitions), partitions);
                        SeededOrder o = paid.order;
                        PlannedCredit c = credit(
                                sameId,
                                kind,
                                o,
                                o.orderId(),
                                o.totalAmount(),
                                "EUR",
                                collectionIban,
                                "Subscription " + o.orderId() + " again",
                                o.investorIban(),
                                random);
                        c.after = paid;
                        dependent.add(c);
                    }
                    case ORDER_NOT_PAYABLE -> {
                        SeededOrder o = orders.get(exact + k);
                        primary.add(credit(
                                id,
                                kind,
                                o,
                                o.orderId(),
                                o.totalAmount(),
                                "EUR",
                                collectionIban,
                                "Subscription " + o.orderId(),
                                o.investorIban(),
                                random));
                    }
                    case CURRENCY_MISMATCH -> {
                        SeededOrder o = orders.get(next++);
                        primary.add(credit(
                                id,
                                kind,
                                o,
                                o.orderId(),
                                o.totalAmount(),
                                "USD",
                                collectionIban,
                                "Subscription " + o.orderId(),
                                o.investorIban(),
                                random));
                    }
                    case AMOUNT_MISMATCH -> {
                        SeededOrder o = orders.get(next++);
                        primary.add(credit(
                                id,
                                kind,
                                o,
                                o.orderId(),
                                o.totalAmount().subtract(BigDecimal.ONE),
                                "EUR",
                                collectionIban,
                                "Subscription " + o.orderId(),
                                o.investorIban(),
                                random));
                    }
                    default -> throw new IllegalStateException(kind.name());
                }
            }
        }

        // Publish order: the primary credits shuffled; each dependent one shortly after its parent.
        Collections.shuffle(primary, random);
        for (int i = 0; i < primary.size(); i++) {
            primary.get(i).position = i;
        }
        int spread = Math.max(10, n / 50);
        List<PlannedCredit> all = new ArrayList<>(primary);
        for (PlannedCredit c : dependent) {
            c.position = c.after.position + 1 + random.nextInt(spread) + random.nextDouble() * 0.5;
            all.add(c);
        }
        if (withRedeliveries) {
            List<PlannedCredit> candidates = new ArrayList<>(all);
            Collections.shuffle(candidates, random);
            for (PlannedCredit original : candidates.subList(0, n / 100)) {
                PlannedCredit again = original.redelivery();
                again.position = original.position + 1 + random.nextInt(spread) + 0.5 + random.nextDouble() * 0.4;
                all.add(again);
            }
        }
        all.sort(Comparator.comparingDouble(c -> c.position));
        return new CreditPlan(label, orders, all, expected);
    }

    private static PlannedCredit credit(
            String notificationId,
            Kind kind,
            SeededOrder order,
            String namedOrderId,
            BigDecimal amount,
            String currency,
            String creditorIban,
            String description,
            String payerIban,
            Random random) {
        String bankReference = "BR" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + notificationId.hashCode();
        return new PlannedCredit(
                notificationId,
                kind,
                order,
                namedOrderId,
                amount,
                currency,
                creditorIban,
                bankReference,
                description,
                payerIban,
                null);
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String onPartition(String base, int partition, int partitions) {
        for (int i = 0; ; i++) {
            String candidate = base + "-" + i;
            if (partitionOf(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    private static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(1_000 + random.nextInt(1_000_000), 2);
    }

    static String freshOrderId(Random random, Set<String> used) {
        while (true) {
            String id = OrderId.generate(random).value();
            if (used.add(id)) {
                return id;
            }
        }
    }

    /** The same order id with one digit changed: its check digits no longer hold. */
    private static String typo(String orderId, Random random) {
        int i = 3 + random.nextInt(16);
        char changed = (char) ('0' + (orderId.charAt(i) - '0' + 1 + random.nextInt(9)) % 10);
        return orderId.substring(0, i) + changed + orderId.substring(i + 1);
    }

    /** A valid German IBAN (DEkk + 18 digits). */
    static String iban(Random random) {
        StringBuilder bban = new StringBuilder(18);
        for (int i = 0; i < 18; i++) {
            bban.append((char) ('0' + random.nextInt(10)));
        }
        int check =
                98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return String.format("DE%02d%s", check, bban);
    }
}
