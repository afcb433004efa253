package io.crowdrecon.recon.ingest.persistence;

import io.crowdrecon.recon.ingest.InboundRecord;
import io.crowdrecon.recon.ingest.UndecidedCredits;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.shared.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcUndecidedCredits implements UndecidedCredits {

    private static final BigDecimal MAX_TRACKED_AMOUNT = BigDecimal.TEN.pow(15);
    private static final int MAX_TRACKED_DECIMALS = 15;

    private final DatabaseClient database;
    private final ReviewItems reviewItems;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public R2dbcUndecidedCredits(
            DatabaseClient database, ReviewItems reviewItems, Transactions transactions, IdGenerator ids, Clock clock) {
        this.database = database;
        this.reviewItems = reviewItems;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<Void> track(
            InboundRecord record,
            String rawReason,
            @Nullable String rawNotificationId,
            @Nullable BigDecimal rawAmount,
            @Nullable String rawCurrency) {
        // What a bad record carries may be what made the database refuse it (a NUL character, an amount of 1E+200000):
        // kept storable here, else tracking it would fail as well, and the record would come back again and again,
        // stalling the partition. The DLQ keeps the record as it came.
        String reason = storable(rawReason);
        String notificationId = storable(rawNotificationId);
        String currency = storable(rawCurrency);
        BigDecimal amount = storable(rawAmount);
        Instant now = clock.instant();
        ReviewItemId reviewItemId = ids.nextReviewItemId();
        String detail =
                "Credit record " + record.coordinates() + (notificationId == null ? "" : " (" + notificationId + ")")
                        + (amount == null ? "" : " of " + amount.toPlainString() + " " + currency)
                        + " could not be decided and went to the DLQ: " + reason;
        ReviewItem item = ReviewItem.open(reviewItemId, ReviewKind.DLQ_CREDIT, null, null, notificationId, detail, now)
                .withDedupeKey("dlq:" + record.coordinates());
        return transactions.inTransaction(() -> database.sql(
                        """
                        INSERT INTO undecided_credit (topic, kafka_partition, kafka_offset, notification_id, amount,
                                                      currency, reason, review_item_id, created_at)
                        VALUES (:topic, :partition, :offset, :notificationId, :amount, :currency, :reason,
                                :reviewItemId, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("topic", record.topic())
                .bind("partition", record.partition())
                .bind("offset", record.offset())
                .bind("notificationId", Sql.nullable(notificationId, String.class))
                .bind("amount", Sql.nullable(amount, BigDecimal.class))
                .bind("currency", Sql.nullable(currency, String.class))
                .bind("reason", reason)
                .bind("reviewItemId", reviewItemId.value())
                .bind("now", Sql.timestamp(now))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? reviewItems.addAll(List.of(item)) : Mono.empty()));
    }

    /** {@code amount} if it can be money at all (under 10^15, at most 15 decimals), else null. */
    private static @Nullable BigDecimal storable(@Nullable BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.abs().compareTo(MAX_TRACKED_AMOUNT) < 0 && plain.scale() <= MAX_TRACKED_DECIMALS ? amount : null;
    }

    /** {@code text} with each NUL character, which PostgreSQL cannot store in text, replaced by U+FFFD. */
    @Contract("null -> null; !null -> !null")
    private static @Nullable String storable(@Nullable String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }
}
