package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.Credits.Credit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A burst of bank credits for one fresh portal, as a feed under stress sends them: one credit paying each of its
 * orders, credits naming no order (each returned as {@code MISSING_REFERENCE}), and some of them sent again with the
 * same {@code notificationId} (the feed redelivering), all shuffled. Then: was every credit decided exactly once?
 */
public final class CreditBurst {

    private final TestPortal portal;
    private final List<String> orders;
    private final int unreferenced;
    private final List<Map.Entry<String, String>> records;
    private final Set<String> notificationIds;

    private CreditBurst(
            TestPortal portal, List<String> orders, int unreferenced, List<Map.Entry<String, String>> records) {
        this.portal = portal;
        this.orders = orders;
        this.unreferenced = unreferenced;
        this.records = records;
        this.notificationIds = new LinkedHashSet<>();
        records.forEach(r -> notificationIds.add(r.getKey()));
    }

    /**
     * Creates {@code paidOrders} orders of 1100 EUR for {@code portal} (through its API) and the burst: one credit for
     * each, {@code unreferenced} credits naming no order, and {@code redelivered} copies of earlier records.
     */
    public static CreditBurst prepare(TestPortal portal, int paidOrders, int unreferenced, int redelivered) {
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        String investorIban = Ibans.randomGerman();
        List<String> orders = IntStream.range(0, paidOrders)
                .mapToObj(i -> portal.order(campaign, investor, investorIban)
                        .get("orderId")
                        .asString())
                .toList();
        List<Map.Entry<String, String>> credits = new ArrayList<>();
        for (String orderId : orders) {
            Credit credit = Credits.to(portal.collectionIban())
                    .description("Subscription " + orderId)
                    .payerIban(investorIban);
            credits.add(Map.entry(credit.notificationId(), credit.json()));
        }
        for (int i = 0; i < unreferenced; i++) {
            Credit credit = Credits.to(portal.collectionIban())
                    .description("Gift, no reference " + i)
                    .payerIban(Ibans.randomGerman());
            credits.add(Map.entry(credit.notificationId(), credit.json()));
        }
        Random random = new Random(paidOrders * 31L + unreferenced);
        Collections.shuffle(credits, random);
        List<Map.Entry<String, String>> records = new ArrayList<>(credits);
        for (int i = 0; i < redelivered; i++) {
            // A copy of an earlier record, somewhere after it.
            Map.Entry<String, String> original = credits.get(random.nextInt(credits.size()));
            int first = records.indexOf(original);
            records.add(first + 1 + random.nextInt(records.size() - first), original);
        }
        return new CreditBurst(portal, orders, unreferenced, List.copyOf(records));
    }

    public TestPortal portal() {
        return portal;
    }

    public List<String> orders() {
        return orders;
    }

    /** Every record to publish, in order (redeliveries included). */
    public List<Map.Entry<String, String>> records() {
        return records;
    }

    /** The records cut into {@code parts} consecutive slices, to publish one after the other. */
    public List<List<Map.Entry<String, String>>> split(int parts) {
        List<List<Map.Entry<String, String>>> slices = new ArrayList<>();
        int size = (records.size() + parts - 1) / parts;
        for (int from = 0; from < records.size(); from += size) {
            slices.add(records.subList(from, Math.min(records.size(), from + size)));
        }
        return slices;
    }

    /** How many distinct credits (notification ids) the burst carries. */
    public int distinctCredits() {
        return notificationIds.size();
    }

    /**
     * Waits until the audit has recorded every credit of the burst, then checks each was decided exactly once: the
     * audit is clean, counts exactly one credit per notification id, one moneyin per order and one unidentified
     * transfer per credit naming no order, and sent none to the DLQ; each order was ACCOUNTED once, with its moneyin
     * and two moneyouts.
     */
    public void assertDecidedExactlyOnce(OpsView ops, Baseline before, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        ops.count("credits", "EUR"))
                .as("credits recorded")
                .isGreaterThanOrEqualTo(before.credits() + distinctCredits()));
        JsonNode audit = ops.audit();
        assertThat(audit.get("breaches").size())
                .as("audit breaches: %s", audit.get("breaches"))
                .isZero();
        Baseline after = Baseline.of(audit);
        assertThat(after.credits() - before.credits())
                .as("credits recorded, one per notification id")
                .isEqualTo(distinctCredits());
        assertThat(after.moneyins() - before.moneyins()).as("moneyins").isEqualTo(orders.size());
        assertThat(after.unidentified() - before.unidentified())
                .as("unidentified transfers")
                .isEqualTo(unreferenced);
        assertThat(after.notDecided() - before.notDecided())
                .as("credits sent to the DLQ")
                .isZero();
        assertThat(after.duplicates() - before.duplicates())
                .as("feed duplicates")
                .isZero();
        JsonNode returned = ApiClient.body(
                portal.get("/unidentified-transfers?size=500").expectStatus().isOk());
        assertThat(returned.get("total").asLong())
                .as("the portal's unidentified transfers")
                .isEqualTo(unreferenced);
        assertThat(returned.get("items").valueStream().map(t -> t.get("reason").asString()))
                .containsOnly("MISSING_REFERENCE");
        for (String orderId : orders) {
            JsonNode order = ApiClient.body(
                    portal.get("/orders/" + orderId).expectStatus().isOk());
            assertThat(order.get("status").asString()).as(orderId).isEqualTo("ACCOUNTED");
            assertThat(order.get("statusHistory").valueStream().filter(t -> "ACCOUNTED"
                            .equals(t.get("status").asString())))
                    .as("transitions of %s to ACCOUNTED", orderId)
                    .hasSize(1);
            JsonNode payment = ApiClient.body(
                    portal.get("/orders/" + orderId + "/payment").expectStatus().isOk());
            assertThat(payment.get("moneyin").get("amount").decimalValue())
                    .as("moneyin of %s", orderId)
                    .isEqualByComparingTo("1100");
            assertThat(payment.get("moneyouts").size())
                    .as("moneyouts of %s", orderId)
                    .isEqualTo(2);
        }
    }

    /** The audit's counts at one moment, to compare a burst's effect on servers other tests share. */
    public record Baseline(long credits, long moneyins, long unidentified, long notDecided, long duplicates) {

        public static final Baseline EMPTY = new Baseline(0, 0, 0, 0, 0);

        public static Baseline of(OpsView ops) {
            return of(ops.audit());
        }

        static Baseline of(JsonNode audit) {
            JsonNode totals = audit.path("totals");
            JsonNode eur = totals.path("EUR");
            long notDecided = totals.valueStream()
                    .mapToLong(t -> t.path("creditsNotDecided").path("count").asLong(0))
                    .sum();
            return new Baseline(
                    eur.path("credits").path("count").asLong(0),
                    eur.path("moneyins").path("count").asLong(0),
                    eur.path("unidentified").path("count").asLong(0),
                    notDecided,
                    eur.path("duplicates").path("count").asLong(0));
        }
    }
}
