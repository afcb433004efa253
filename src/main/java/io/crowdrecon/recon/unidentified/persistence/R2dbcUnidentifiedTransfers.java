package io.crowdrecon.recon.unidentified.persistence;

import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.unidentified.UnidentifiedFilter;
import io.crowdrecon.recon.unidentified.UnidentifiedReason;
import io.crowdrecon.recon.unidentified.UnidentifiedStatus;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfer;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import io.crowdrecon.recon.unidentified.UnidentifiedTrigger;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class R2dbcUnidentifiedTransfers implements UnidentifiedTransfers {

    // Every filter is optional: a null parameter disables its condition.
    private static final String WHERE =
            """
             WHERE (:portalId::text IS NULL OR portal_id = :portalId::text)
               AND (:reason::text IS NULL OR reason = :reason::text)
               AND (:statuses::text[] IS NULL OR status = ANY(:statuses::text[]))
               AND (:candidate::text IS NULL OR candidate_order_id = :candidate::text)
               AND (:from::timestamptz IS NULL OR received_at >= :from::timestamptz)
               AND (:to::timestamptz IS NULL OR received_at < :to::timestamptz)
            """;

    private final DatabaseClient database;

    public R2dbcUnidentifiedTransfers(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addAll(List<UnidentifiedTransfer> transfers) {
        return BulkInsert.into("unidentified_transfer", transfers)
                .text("unidentified_transfer_id", t -> t.unidentifiedTransferId()
                        .value())
                .text("notification_id", UnidentifiedTransfer::notificationId)
                .id("portal_id", UnidentifiedTransfer::portalId, PortalId::value)
                .text("channel", UnidentifiedTransfer::channel)
                .numeric("amount", UnidentifiedTransfer::amount)
                .text("currency", UnidentifiedTransfer::currency)
                .text("description", UnidentifiedTransfer::description)
                .text("payer_name", UnidentifiedTransfer::payerName)
                .text("payer_iban", UnidentifiedTransfer::payerIban)
                .text("psp_reference", UnidentifiedTransfer::pspReference)
                .enumName("reason", UnidentifiedTransfer::reason)
                .text("candidate_order_id", UnidentifiedTransfer::candidateOrderId)
                .enumName("status", UnidentifiedTransfer::status)
                .timestamp("received_at", UnidentifiedTransfer::receivedAt)
                .timestamp("returned_at", UnidentifiedTransfer::returnedAt)
                .timestamp("created_at", UnidentifiedTransfer::receivedAt)
                .execute(database)
                .then();
    }

    @Override
    public Mono<Void> moveAll(
            List<UnidentifiedTransferId> transferIds,
            Transition<UnidentifiedStatus, UnidentifiedTrigger> row,
            Instant at) {
        if (transferIds.isEmpty()) {
            return Mono.empty();
        }
        // Distinct: a batch may return the same instruction, so fail the same transfer, twice.
        String[] ids = transferIds.stream()
                .map(UnidentifiedTransferId::value)
                .distinct()
                .toArray(String[]::new);
        return database.sql(
                        """
                        UPDATE unidentified_transfer
                           SET status = :to,
                               returned_at = CASE WHEN :to = 'RETURNED' THEN :at END
                         WHERE unidentified_transfer_id = ANY(:ids::text[]) AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("at", Sql.timestamp(at))
                .bind("ids", ids)
                .bind("from", Sql.names(row.from()))
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == ids.length
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("expected to move " + ids.length
                                + " unidentified transfers from " + row.from() + " on " + row.trigger() + ", moved "
                                + rows)));
    }

    @Override
    public Mono<Page<UnidentifiedTransfer>> page(
            @Nullable PortalId portalId, UnidentifiedFilter filter, PageRequest page) {
        Mono<Long> total = bindFilter(
                        database.sql("SELECT count(*) FROM unidentified_transfer" + WHERE), portalId, filter)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<UnidentifiedTransfer>> items = bindFilter(
                        database.sql(
                                "SELECT * FROM unidentified_transfer" + WHERE
                                        + " ORDER BY created_at DESC, unidentified_transfer_id DESC LIMIT :limit OFFSET :offset"),
                        portalId,
                        filter)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcUnidentifiedTransfers::transfer)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(
            DatabaseClient.GenericExecuteSpec statement, @Nullable PortalId portalId, UnidentifiedFilter filter) {
        return statement
                .bind("portalId", Sql.nullable(portalId == null ? null : portalId.value(), String.class))
                .bind(
                        "reason",
                        Sql.nullable(
                                filter.reason() == null ? null : filter.reason().name(), String.class))
                .bind("statuses", Sql.nullable(statuses(filter), String[].class))
                .bind("candidate", Sql.nullable(filter.candidateOrderId(), String.class))
                .bind("from", Sql.nullableTimestamp(filter.from()))
                .bind("to", Sql.nullableTimestamp(filter.to()));
    }

    private static String @Nullable [] statuses(UnidentifiedFilter filter) {
        return filter.statuses() == null
                ? null
                : filter.statuses().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    @Override
    public Flux<UnidentifiedTransfer> namingOrder(String orderId) {
        return database.sql(
                        """
                        SELECT * FROM unidentified_transfer WHERE candidate_order_id = :id
                         ORDER BY created_at DESC, unidentified_transfer_id DESC""")
                .bind("id", orderId)
                .map(R2dbcUnidentifiedTransfers::transfer)
                .all();
    }

    @Override
    public Mono<UnidentifiedTransfer> byId(UnidentifiedTransferId unidentifiedTransferId) {
        return database.sql("SELECT * FROM unidentified_transfer WHERE unidentified_transfer_id = :id")
                .bind("id", unidentifiedTransferId.value())
                .map(R2dbcUnidentifiedTransfers::transfer)
                .one();
    }

    static UnidentifiedTransfer transfer(Readable row) {
        return new UnidentifiedTransfer(
                new UnidentifiedTransferId(row.get("unidentified_transfer_id", String.class)),
                row.get("notification_id", String.class),
                Sql.id(row.get("portal_id", String.class), PortalId::of),
                row.get("channel", String.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                row.get("description", String.class),
                row.get("payer_name", String.class),
                row.get("payer_iban", String.class),
                row.get("psp_reference", String.class),
                UnidentifiedReason.valueOf(row.get("reason", String.class)),
                row.get("candidate_order_id", String.class),
                UnidentifiedStatus.valueOf(row.get("status", String.class)),
                Sql.instant(row.get("received_at", OffsetDateTime.class)),
                Sql.instant(row.get("returned_at", OffsetDateTime.class)));
    }
}
