package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.OrderId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's ledger: every money event in booking order with the running balance, per currency, of the money held
 * for the campaign. Built by {@link LedgerBuilder}.
 *
 * @param balances the closing balance per currency: zero once the campaign is finalized and every instruction
 *     executed; what is still held otherwise
 */
public record CampaignLedger(CampaignId campaignId, List<Line> lines, List<Money> balances) {

    /** What moved the money: {@link #MONEYIN} adds, every other type takes away. */
    public enum EntryType {
        /** A moneyin received for an order. */
        MONEYIN,
        /** A moneyin the bank took back (RECALLED). */
        RECALL,
        /** A refund whose instruction was EXECUTED. */
        REFUND,
        /** A card chargeback reversed by ops. */
        CHARGEBACK,
        /** The CASHOUT instruction, EXECUTED: the company's part less the success fee. */
        CASHOUT,
        /** The FEE_PAYOUT instruction, EXECUTED: its order fees (the success fee is the next line). */
        FEE_PAYOUT,
        /** The success fee the same FEE_PAYOUT instruction carries: its own line, not counted twice. */
        SUCCESS_FEE
    }

    /**
     * One event.
     *
     * @param amount signed: positive when money came in, negative when it left
     * @param balance the balance in {@code amount}'s currency after this line
     */
    public record Line(
            Instant at,
            EntryType type,
            @Nullable OrderId orderId,
            @Nullable MoneyinId moneyinId,
            @Nullable InstructionId instructionId,
            Money amount,
            Money balance) {}
}
