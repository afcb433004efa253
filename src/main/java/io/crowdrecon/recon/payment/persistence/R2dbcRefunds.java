package io.crowdrecon.recon.payment.persistence;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.refund.Refund;
import io.crowdrecon.recon.payment.refund.RefundView;
import io.crowdrecon.recon.payment.refund.Refunds;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.RefundId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcRefunds implements Refunds {

    private final DatabaseClient database;

    public R2dbcRefunds(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(Refund refund) {
        return BulkInsert.into("refund", List.of(refund))
                .text("refund_id", r -> r.refundId().value())
                .text("order_id", r -> r.orderId().value())
                .text("portal_id", r -> r.portalId().value())
                .text("campaign_id", r -> r.campaignId().value())
                .text("moneyin_id", r -> r.moneyinId().value())
                .numeric("amount", Refund::amount)
                .text("currency", Refund::currency)
                .enumName("channel", Refund::channel)
                .text("iban", Refund::iban)
                .text("psp_reference", Refund::pspReference)
                .text("instruction_id", r -> r.instructionId().value())
                .text("reason", Refund::reason)
                .timestamp("created_at", Refund::createdAt)
                .execute(database)
                .then();
    }

    @Override
    public Flux<RefundView> ofOrder(OrderId orderId) {
        return database.sql(
                        """
                        SELECT r.refund_id, r.order_id, i.status, r.amount, r.currency, i.channel, i.creditor_iban,
                               i.psp_reference, r.instruction_id, r.created_at, i.executed_at
                          FROM refund r JOIN payment_instruction i ON i.instruction_id = r.instruction_id
                         WHERE r.order_id = :id ORDER BY r.created_at DESC, r.refund_id DESC""")
                .bind("id", orderId.value())
                .map(row -> new RefundView(
                        new RefundId(row.get("refund_id", String.class)),
                        OrderId.of(row.get("order_id", String.class)),
                        InstructionStatus.valueOf(row.get("status", String.class)),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        PaymentChannel.valueOf(row.get("channel", String.class)),
                        row.get("creditor_iban", String.class),
                        row.get("psp_reference", String.class),
                        new InstructionId(row.get("instruction_id", String.class)),
                        Sql.instant(row.get("created_at", OffsetDateTime.class)),
                        Sql.instant(row.get("executed_at", OffsetDateTime.class))))
                .all();
    }

    @Override
    public Mono<Void> replaceInstruction(InstructionId oldInstructionId, InstructionId newInstructionId) {
        return database.sql("UPDATE refund SET instruction_id = :new WHERE instruction_id = :old")
                .bind("new", newInstructionId.value())
                .bind("old", oldInstructionId.value())
                .then();
    }
}
