package io.crowdrecon.recon.review.persistence;

import io.crowdrecon.recon.platform.persistence.BulkInsert;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.review.ReviewStatus;
import io.crowdrecon.recon.review.ReviewTrigger;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.shared.Transition;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcReviewItems implements ReviewItems {

    private static final String WHERE =
            """
             WHERE (:kind::text IS NULL OR kind = :kind::text)
               AND (:status::text IS NULL OR status = :status::text)
               AND (:orderId::text IS NULL OR order_id = :orderId::text)
            """;

    private final DatabaseClient database;

    public R2dbcReviewItems(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> addAll(List<ReviewItem> items) {
        return BulkInsert.into("review_item", items)
                .text("review_item_id", item -> item.reviewItemId().value())
                .enumName("kind", ReviewItem::kind)
                .enumName("status", ReviewItem::status)
                .id("portal_id", ReviewItem::portalId, PortalId::value)
                .id("order_id", ReviewItem::orderId, OrderId::value)
                .text("subject_id", ReviewItem::subjectId)
                .text("detail", ReviewItem::detail)
                .text("dedupe_key", ReviewItem::dedupeKey)
                .text("note", ReviewItem::note)
                .timestamp("created_at", ReviewItem::createdAt)
                .timestamp("resolved_at", ReviewItem::resolvedAt)
                .onConflict("ON CONFLICT (dedupe_key) DO NOTHING")
                .execute(database)
                .then();
    }

    @Override
    public Mono<Page<ReviewItem>> page(
            @Nullable ReviewKind kind, @Nullable ReviewStatus status, @Nullable String orderId, PageRequest page) {
        Mono<Long> total = bind(database.sql("SELECT count(*) FROM review_item" + WHERE), kind, status, orderId)
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<ReviewItem>> items = bind(
                        database.sql("SELECT * FROM review_item" + WHERE
                                + " ORDER BY created_at DESC, review_item_id DESC LIMIT :limit OFFSET :offset"),
                        kind,
                        status,
                        orderId)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(R2dbcReviewItems::item)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement,
            @Nullable ReviewKind kind,
            @Nullable ReviewStatus status,
            @Nullable String orderId) {
        return statement
                .bind("kind", Sql.nullable(kind == null ? null : kind.name(), String.class))
                .bind("status", Sql.nullable(status == null ? null : status.name(), String.class))
                .bind("orderId", Sql.nullable(orderId, String.class));
    }

    @Override
    public Mono<ReviewItem> move(
            ReviewItemId reviewItemId, Transition<ReviewStatus, ReviewTrigger> row, String note, Instant at) {
        return database.sql(
                        """
                        UPDATE review_item SET status = :to, note = :note,
                               resolved_at = CASE WHEN :to = 'RESOLVED' THEN :at ELSE resolved_at END
                         WHERE review_item_id = :id AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind("note", note)
                .bind("at", Sql.timestamp(at))
                .bind("id", reviewItemId.value())
                .then()
                .then(byId(reviewItemId));
    }

    @Override
    public Mono<Void> moveAll(
            ReviewKind kind, String subjectId, Transition<ReviewStatus, ReviewTrigger> row, String note, Instant at) {
        return database.sql(
                        """
                        UPDATE review_item SET status = :to, note = :note,
                               resolved_at = CASE WHEN :to = 'RESOLVED' THEN :at ELSE resolved_at END
                         WHERE kind = :kind AND subject_id = :subject AND status = ANY(:from::text[])""")
                .bind("to", row.to().name())
                .bind("from", Sql.names(row.from()))
                .bind("note", note)
                .bind("at", Sql.timestamp(at))
                .bind("kind", kind.name())
                .bind("subject", subjectId)
                .then();
    }

    @Override
    public Mono<Set<OrderId>> withOpen(Set<ReviewKind> kinds, Collection<OrderId> orderIds) {
        if (kinds.isEmpty() || orderIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return database.sql(
                        """
                        SELECT DISTINCT order_id FROM review_item
                         WHERE status = 'OPEN' AND kind = ANY(:kinds::text[]) AND order_id = ANY(:orders::text[])""")
                .bind("kinds", Sql.names(kinds))
                .bind("orders", orderIds.stream().map(OrderId::value).toArray(String[]::new))
                .map(row -> OrderId.of(row.get("order_id", String.class)))
                .all()
                .collect(HashSet::new, Set::add);
    }

    @Override
    public Mono<ReviewItem> byId(ReviewItemId reviewItemId) {
        return database.sql("SELECT * FROM review_item WHERE review_item_id = :id")
                .bind("id", reviewItemId.value())
                .map(R2dbcReviewItems::item)
                .one();
    }

    static ReviewItem item(Readable row) {
        return new ReviewItem(
                new ReviewItemId(row.get("review_item_id", String.class)),
                ReviewKind.valueOf(row.get("kind", String.class)),
                ReviewStatus.valueOf(row.get("status", String.class)),
                Sql.id(row.get("portal_id", String.class), PortalId::of),
                Sql.id(row.get("order_id", String.class), OrderId::of),
                row.get("subject_id", String.class),
                row.get("detail", String.class),
                row.get("dedupe_key", String.class),
                row.get("note", String.class),
                Sql.instant(row.get("created_at", OffsetDateTime.class)),
                Sql.instant(row.get("resolved_at", OffsetDateTime.class)));
    }
}
