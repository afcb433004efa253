package io.crowdrecon.recon.finalization.persistence;

import io.crowdrecon.recon.finalization.Cashout;
import io.crowdrecon.recon.finalization.CashoutView;
import io.crowdrecon.recon.finalization.Cashouts;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.InstructionId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcCashouts implements Cashouts {

    private final DatabaseClient database;

    public R2dbcCashouts(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(Cashout cashout) {
        return BulkInsert.into("cashout", List.of(cashout))
                .text("cashout_id", c -> c.cashoutId().value())
                .text("campaign_id", c -> c.campaignId().value())
                .text("portal_id", c -> c.portalId().value())
                .text("company_id", c -> c.companyId().value())
                .numeric("executed_company_amount", Cashout::executedCompanyAmount)
                .numeric("executed_fee_amount", Cashout::executedFeeAmount)
                .numeric("success_fee", Cashout::successFee)
                .numeric("amount", Cashout::amount)
                .numeric("fee_payout_amount", Cashout::feePayoutAmount)
                .text("currency", Cashout::currency)
                .text("iban", Cashout::iban)
                .id("instruction_id", Cashout::instructionId, InstructionId::value)
                .id("fee_payout_instruction_id", Cashout::feePayoutInstructionId, InstructionId::value)
                .timestamp("created_at", Cashout::createdAt)
                .execute(database)
                .then();
    }

    @Override
    public Mono<CashoutView> ofCampaign(CampaignId campaignId) {
        // Nothing to pay (amount 0) is a cashout done at once.
        return database.sql(
                        """
                        SELECT c.cashout_id, c.campaign_id, coalesce(i.status, 'EXECUTED') AS status,
                               c.executed_company_amount, c.executed_fee_amount, c.success_fee, c.amount, c.currency,
                               c.iban, c.instruction_id, c.created_at,
                               CASE WHEN i.instruction_id IS NULL THEN c.created_at ELSE i.executed_at END AS executed_at
                          FROM cashout c LEFT JOIN payment_instruction i ON i.instruction_id = c.instruction_id
                         WHERE c.campaign_id = :id""")
                .bind("id", campaignId.value())
                .map(row -> new CashoutView(
                        new CashoutId(row.get("cashout_id", String.class)),
                        new CampaignId(row.get("campaign_id", String.class)),
                        row.get("status", String.class),
                        row.get("executed_company_amount", BigDecimal.class),
                        row.get("executed_fee_amount", BigDecimal.class),
                        row.get("success_fee", BigDecimal.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("iban", String.class),
                        Sql.id(row.get("instruction_id", String.class), InstructionId::new),
                        Sql.instant(row.get("created_at", OffsetDateTime.class)),
                        Sql.instant(row.get("executed_at", OffsetDateTime.class))))
                .one();
    }
}
