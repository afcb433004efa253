package io.crowdrecon.recon.statement.web;

import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.statement.CampaignLedger;
import io.crowdrecon.recon.statement.CampaignLedger.Line;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(
        name = "CampaignLedger",
        description = "Every money event of the campaign in booking order (time, then id) with the running balance per"
                + " currency of the money held for it; zero once the campaign is finalized and every instruction"
                + " executed.",
        requiredProperties = {"campaignId", "lines", "balances"})
public record LedgerResponse(String campaignId, List<LedgerLineResponse> lines, List<LedgerBalanceResponse> balances) {

    static LedgerResponse of(CampaignLedger ledger) {
        return new LedgerResponse(
                ledger.campaignId().value(),
                ledger.lines().stream().map(LedgerLineResponse::of).toList(),
                ledger.balances().stream().map(LedgerBalanceResponse::of).toList());
    }

    @Schema(
            name = "LedgerLine",
            description = "MONEYIN adds; RECALL, REFUND (instruction EXECUTED), CHARGEBACK, CASHOUT and FEE_PAYOUT"
                    + " (EXECUTED) take away. A FEE_PAYOUT instruction shows as two lines adding up to it: FEE_PAYOUT"
                    + " (the order fees) and SUCCESS_FEE (the success fee it carries).",
            requiredProperties = {"at", "type", "amount", "currency", "balance"})
    public record LedgerLineResponse(
            Instant at,
            @Schema(
                            allowableValues = {
                                "MONEYIN",
                                "RECALL",
                                "REFUND",
                                "CHARGEBACK",
                                "CASHOUT",
                                "FEE_PAYOUT",
                                "SUCCESS_FEE"
                            })
                    String type,
            @Nullable String orderId,
            @Nullable String moneyinId,
            @Nullable String instructionId,
            @Schema(description = "Signed: negative when money left") BigDecimal amount,
            String currency,
            @Schema(description = "The balance in this currency after the line") BigDecimal balance) {

        static LedgerLineResponse of(Line line) {
            return new LedgerLineResponse(
                    line.at(),
                    line.type().name(),
                    line.orderId() == null ? null : line.orderId().value(),
                    line.moneyinId() == null ? null : line.moneyinId().value(),
                    line.instructionId() == null ? null : line.instructionId().value(),
                    line.amount().amount(),
                    line.amount().currency(),
                    line.balance().amount());
        }
    }

    @Schema(
            name = "LedgerBalance",
            description = "What is still held in one currency",
            requiredProperties = {"currency", "balance"})
    public record LedgerBalanceResponse(String currency, BigDecimal balance) {

        static LedgerBalanceResponse of(Money balance) {
            return new LedgerBalanceResponse(balance.currency(), balance.amount());
        }
    }
}
