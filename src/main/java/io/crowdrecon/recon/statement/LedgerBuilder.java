package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.statement.CampaignLedger.EntryType;
import io.crowdrecon.recon.statement.CampaignLedger.Line;
import io.crowdrecon.recon.statement.MoneyFacts.Chargeback;
import io.crowdrecon.recon.statement.MoneyFacts.Payment;
import io.crowdrecon.recon.statement.MoneyFacts.Payout;
import io.crowdrecon.recon.statement.MoneyFacts.Refund;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds a campaign's ledger from its facts: pure, in {@link Money}. Money leaves the ledger only when it has left the
 * account (a refund, cashout or fee payout once its instruction is EXECUTED; a recall or chargeback when booked), so
 * while instructions are pending the balance is what is still held, and it reaches zero once every instruction of a
 * finalized campaign executed: Σ moneyins = Σ recalled + Σ refunds + Σ chargebacks + cashout + fee payout.
 */
public final class LedgerBuilder {

    private LedgerBuilder() {}

    /** An event before its balance is known. */
    private record Entry(
            Instant at,
            String id,
            EntryType type,
            @Nullable OrderId orderId,
            @Nullable MoneyinId moneyinId,
            @Nullable InstructionId instructionId,
            Money amount) {}

    /** Booking order: by time, then by the id of what moved the money, then by type (a fee payout before its fee). */
    private static final Comparator<Entry> BOOKING_ORDER =
            Comparator.comparing(Entry::at).thenComparing(Entry::id).thenComparing(Entry::type);

    /** The ledger of {@code campaignId}, whose own currency shows a balance (zero) even before any event. */
    public static CampaignLedger build(CampaignId campaignId, String campaignCurrency, MoneyFacts facts) {
        List<Entry> entries = new ArrayList<>();
        for (Payment p : facts.payments()) {
            entries.add(new Entry(
                    p.receivedAt(),
                    p.moneyinId().value(),
                    EntryType.MONEYIN,
                    p.orderId(),
                    p.moneyinId(),
                    null,
                    p.amount()));
            if (p.recalled() && p.recalledAt() != null) {
                entries.add(new Entry(
                        p.recalledAt(),
                        p.moneyinId().value(),
                        EntryType.RECALL,
                        p.orderId(),
                        p.moneyinId(),
                        null,
                        p.amount().negate()));
            }
        }
        for (Refund r : facts.refunds()) {
            if (r.executed()) {
                entries.add(new Entry(
                        executedAt(r.executedAt(), r.createdAt()),
                        r.instructionId().value(),
                        EntryType.REFUND,
                        r.orderId(),
                        r.moneyinId(),
                        r.instructionId(),
                        r.amount().negate()));
            }
        }
        for (Chargeback c : facts.chargebacks()) {
            entries.add(new Entry(
                    c.reversedAt(),
                    c.moneyinId().value(),
                    EntryType.CHARGEBACK,
                    c.orderId(),
                    c.moneyinId(),
                    null,
                    c.amount().negate()));
        }
        for (Payout p : facts.payouts()) {
            if (p.executed()) {
                entries.addAll(payout(p));
            }
        }
        entries.sort(BOOKING_ORDER);
        return withBalances(campaignId, campaignCurrency, entries);
    }

    /**
     * A CASHOUT is one line; a FEE_PAYOUT is split into its order fees and the success fee it carries, two lines that
     * add up to the instruction's amount (a zero part is left out).
     */
    private static List<Entry> payout(Payout p) {
        Instant at = executedAt(p.executedAt(), Instant.EPOCH);
        String id = p.instructionId().value();
        if ("CASHOUT".equals(p.type())) {
            return List.of(new Entry(
                    at,
                    id,
                    EntryType.CASHOUT,
                    null,
                    null,
                    p.instructionId(),
                    p.amount().negate()));
        }
        List<Entry> parts = new ArrayList<>();
        Money fees = p.amount().minus(p.successFee());
        if (!fees.isZero()) {
            parts.add(new Entry(at, id, EntryType.FEE_PAYOUT, null, null, p.instructionId(), fees.negate()));
        }
        if (!p.successFee().isZero()) {
            parts.add(new Entry(
                    at,
                    id,
                    EntryType.SUCCESS_FEE,
                    null,
                    null,
                    p.instructionId(),
                    p.successFee().negate()));
        }
        return parts;
    }

    private static Instant executedAt(@Nullable Instant executedAt, Instant otherwise) {
        return executedAt != null ? executedAt : otherwise;
    }

    private static CampaignLedger withBalances(CampaignId campaignId, String campaignCurrency, List<Entry> entries) {
        Map<String, Money> balances = new TreeMap<>();
        balances.put(campaignCurrency, Money.zero(campaignCurrency));
        List<Line> lines = new ArrayList<>();
        for (Entry e : entries) {
            String currency = e.amount().currency();
            Money balance =
                    balances.getOrDefault(currency, Money.zero(currency)).plus(e.amount());
            balances.put(currency, balance);
            lines.add(new Line(e.at(), e.type(), e.orderId(), e.moneyinId(), e.instructionId(), e.amount(), balance));
        }
        return new CampaignLedger(campaignId, lines, List.copyOf(balances.values()));
    }
}
