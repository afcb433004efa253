package io.crowdrecon.recon.payment.persistence;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionTrigger;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcPaymentInstructions implements PaymentInstructions {

    private final DatabaseClient database;

    public R2dbcPaymentInstructions(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addAll(List<PaymentInstruction> instructions) {
        return BulkInsert.into("payment_instruction", instructions)
                .text("instruction_id", i -> i.instructionId().value())
                .enumName("type", PaymentInstruction::type)
                .enumName("channel", PaymentInstruction::channel)
                .enumName("status", PaymentInstruction::status)
                .numeric("amount", PaymentInstruction::amount)
                .text("currency", PaymentInstruction::currency)
                .text("creditor_iban", PaymentInstruction::creditorIban)
                .text("creditor_name", PaymentInstruction::creditorName)
                .text("psp_reference", PaymentInstruction::pspReference)
                .text("remittance_information", PaymentInstruction::remittanceInformation)
                .id("portal_id", PaymentInstruction::portalId, PortalId::value)
                .id("order_id", PaymentInstruction::orderId, OrderId::value)
                .id(
                        "unidentified_transfer_id",
                        PaymentInstruction::unidentifiedTransferId,
                        UnidentifiedTransferId::value)
                .id("campaign_id", PaymentInstruction::campaignId, CampaignId::value)
                .id("refund_id", PaymentInstruction::refundId, RefundId::value)
                .id("cashout_id", PaymentInstruction::cashoutId, CashoutId::value)
                .id("reissue_of", PaymentInstruction::reissueOf, InstructionId::value)
                .id("caused_by", PaymentInstruction::causedBy, OperatorId::value)
                .timestamp("created_at", PaymentInstruction::createdAt)
                .timestamp("updated_at", PaymentInstruction::createdAt)
                .execute(database)
                .then();
    }

    @Override
    public Mono<Void> moveAll(
            List<InstructionId> instructionIds,
            Transition<InstructionStatus, InstructionTrigger> row,
            @Nullable String failureReason,
            Instant at) {
        if (instructionIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(
                        """
                        UPDATE payment_instruction
                           SET status = :to, updated_at = :at,
                               executed_at = CASE WHEN :to = 'EXECUTED' THEN :at ELSE executed_at END,
                               failure_reason = coalesce(:reason, failure_reason)
                         WHERE instruction_id = ANY(:ids::text[]) AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("at", Sql.timestamp(at))
                .bind("reason", Sql.nullable(failureReason, String.class))
                .bind("ids", instructionIds.stream().map(InstructionId::value).toArray(String[]::new))
                .bind("from", Sql.names(row.from()))
                .then();
    }

    @Override
    public Flux<PaymentInstruction> lockAll(SortedSet<String> instructionIds) {
        if (instructionIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT * FROM payment_instruction WHERE instruction_id = ANY(:ids::text[])"
                        + " ORDER BY instruction_id FOR UPDATE")
                .bind("ids", instructionIds.toArray(String[]::new))
                .map(R2dbcPaymentInstructions::instruction)
                .all();
    }

    @Override
    public Mono<PaymentInstruction> lock(InstructionId instructionId) {
        return database.sql("SELECT * FROM payment_instruction WHERE instruction_id = :id FOR UPDATE")
                .bind("id", instructionId.value())
                .map(R2dbcPaymentInstructions::instruction)
                .one();
    }

    @Override
    public Mono<Void> move(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            @Nullable String failureReason,
            Instant at) {
        return database.sql(
                        """
                        UPDATE payment_instruction
                           SET status = :to, updated_at = :at,
                               executed_at = CASE WHEN :to = 'EXECUTED' THEN :at ELSE executed_at END,
                               failure_reason = coalesce(:reason, failure_reason)
                         WHERE instruction_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("at", Sql.timestamp(at))
                .bind("reason", Sql.nullable(failureReason, String.class))
                .bind("id", instructionId.value())
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> moved(rows, instructionId, row));
    }

    @Override
    public Mono<Void> setDestination(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            String creditorIban,
            OperatorId causedBy,
            Instant at) {
        return database.sql(
                        """
                        UPDATE payment_instruction
                           SET status = :to, creditor_iban = :iban, channel = 'BANK_TRANSFER', caused_by = :by,
                               updated_at = :at
                         WHERE instruction_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("iban", creditorIban)
                .bind("by", causedBy.value())
                .bind("at", Sql.timestamp(at))
                .bind("id", instructionId.value())
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> moved(rows, instructionId, row));
    }

    @Override
    public Mono<Boolean> approve(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            OperatorId approvedBy,
            @Nullable String note,
            Instant at) {
        return database.sql(
                        """
                        UPDATE payment_instruction
                           SET status = :to, approved_by = :by, approved_at = :at, approval_note = :note,
                               updated_at = :at
                         WHERE instruction_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("by", approvedBy.value())
                .bind("at", Sql.timestamp(at))
                .bind("note", Sql.nullable(note, String.class))
                .bind("id", instructionId.value())
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> reject(
            InstructionId instructionId,
            Transition<InstructionStatus, InstructionTrigger> row,
            OperatorId rejectedBy,
            String note,
            String failureReason,
            Instant at) {
        return database.sql(
                        """
                        UPDATE payment_instruction
                           SET status = :to, rejected_by = :by, rejected_at = :at, approval_note = :note,
                               failure_reason = :reason, updated_at = :at
                         WHERE instruction_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("by", rejectedBy.value())
                .bind("at", Sql.timestamp(at))
                .bind("note", note)
                .bind("reason", failureReason)
                .bind("id", instructionId.value())
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Page<PaymentInstruction>> page(@Nullable InstructionStatus status, PageRequest page) {
        String where = " WHERE (:status::text IS NULL OR status = :status::text)";
        Mono<Long> total = database.sql("SELECT count(*) FROM payment_instruction" + where)
                .bind("status", Sql.nullable(status == null ? null : status.name(), String.class))
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<PaymentInstruction>> items = database.sql("SELECT * FROM payment_instruction" + where
                        + " ORDER BY created_at DESC, instruction_id DESC LIMIT :limit OFFSET :offset")
                .bind("status", Sql.nullable(status == null ? null : status.name(), String.class))
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcPaymentInstructions::instruction)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    private static Mono<Void> moved(
            long rows, InstructionId instructionId, Transition<InstructionStatus, InstructionTrigger> row) {
        return rows == 1
                ? Mono.empty()
                : Mono.error(new IllegalStateException("expected to move instruction " + instructionId + " from "
                        + row.from() + " on " + row.trigger() + ", moved " + rows));
    }

    @Override
    public Mono<Boolean> markReissued(InstructionId instructionId, InstructionId reissuedAs, Instant at) {
        return database.sql(
                        """
                        UPDATE payment_instruction SET reissued_as = :as, updated_at = :at
                         WHERE instruction_id = :id AND status = 'FAILED' AND reissued_as IS NULL""")
                .bind("as", reissuedAs.value())
                .bind("at", Sql.timestamp(at))
                .bind("id", instructionId.value())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<PaymentInstruction> byId(InstructionId instructionId) {
        return database.sql("SELECT * FROM payment_instruction WHERE instruction_id = :id")
                .bind("id", instructionId.value())
                .map(R2dbcPaymentInstructions::instruction)
                .one();
    }

    @Override
    public Flux<PaymentInstruction> ofUnidentifiedTransfer(UnidentifiedTransferId unidentifiedTransferId) {
        return database.sql(
                        """
                        SELECT * FROM payment_instruction WHERE unidentified_transfer_id = :id
                         ORDER BY created_at, instruction_id""")
                .bind("id", unidentifiedTransferId.value())
                .map(R2dbcPaymentInstructions::instruction)
                .all();
    }

    @Override
    public Flux<PaymentInstruction> readyForPaymentFiles(int limit) {
        return database.sql(
                        """
                        SELECT * FROM payment_instruction i
                         WHERE i.status = 'CREATED' AND i.channel = 'BANK_TRANSFER' AND i.announced_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM payment_file_instruction f
                                            WHERE f.instruction_id = i.instruction_id)
                           AND NOT EXISTS (SELECT 1 FROM review_item r
                                            WHERE r.subject_id = i.instruction_id AND r.kind = 'PAYMENT_FILE_REFUSED'
                                              AND r.status = 'OPEN')
                         ORDER BY i.created_at, i.instruction_id
                         LIMIT :limit
                           FOR UPDATE OF i SKIP LOCKED""")
                .bind("limit", limit)
                .map(R2dbcPaymentInstructions::instruction)
                .all();
    }

    static PaymentInstruction instruction(Readable row) {
        return new PaymentInstruction(
                new InstructionId(row.get("instruction_id", String.class)),
                InstructionType.valueOf(row.get("type", String.class)),
                PaymentChannel.valueOf(row.get("channel", String.class)),
                InstructionStatus.valueOf(row.get("status", String.class)),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                row.get("creditor_iban", String.class),
                row.get("creditor_name", String.class),
                row.get("psp_reference", String.class),
                row.get("remittance_information", String.class),
                Sql.id(row.get("portal_id", String.class), PortalId::of),
                Sql.id(row.get("order_id", String.class), OrderId::of),
                Sql.id(row.get("unidentified_transfer_id", String.class), UnidentifiedTransferId::new),
                Sql.id(row.get("campaign_id", String.class), CampaignId::of),
                Sql.id(row.get("refund_id", String.class), RefundId::new),
                Sql.id(row.get("cashout_id", String.class), CashoutId::new),
                Sql.id(row.get("reissue_of", String.class), InstructionId::new),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("executed_at", OffsetDateTime.class)),
                row.get("failure_reason", String.class),
                Sql.id(row.get("reissued_as", String.class), InstructionId::new),
                Sql.id(row.get("caused_by", String.class), OperatorId::of),
                Sql.id(row.get("approved_by", String.class), OperatorId::of),
                Sql.instant(row.get("approved_at", OffsetDateTime.class)),
                Sql.id(row.get("rejected_by", String.class), OperatorId::of),
                Sql.instant(row.get("rejected_at", OffsetDateTime.class)),
                row.get("approval_note", String.class));
    }
}
