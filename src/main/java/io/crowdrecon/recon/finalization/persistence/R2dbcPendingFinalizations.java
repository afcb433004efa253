package io.crowdrecon.recon.finalization.persistence;

import io.crowdrecon.recon.finalization.FinalizationPlan;
import io.crowdrecon.recon.finalization.PendingFinalizations;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Waiting finalizations, their plan kept as JSON in the shape of the request. */
public class R2dbcPendingFinalizations implements PendingFinalizations {

    private static final String COLUMNS = "campaign_id, portal_id, plan::text AS plan, requested_at, clears_at";

    /** The plan as stored. */
    record StoredPlan(List<String> ordersToExecute, List<String> ordersToUndo, @Nullable StoredSplit orderToSplit) {}

    record StoredSplit(
            String orderId,
            BigDecimal companyAmountToExecute,
            BigDecimal companyAmountToUndo,
            BigDecimal feeAmountToExecute,
            BigDecimal feeAmountToUndo) {}

    private final DatabaseClient database;
    private final ObjectMapper json;

    public R2dbcPendingFinalizations(DatabaseClient database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<Void> add(Pending pending) {
        return Mono.fromCallable(() -> json.writeValueAsString(stored(pending.plan())))
                .flatMap(plan -> database.sql(
                                """
                                INSERT INTO pending_finalization (campaign_id, portal_id, plan, requested_at, clears_at)
                                VALUES (:campaign, :portal, :plan::jsonb, :requestedAt, :clearsAt)
                                """)
                        .bind("campaign", pending.campaignId().value())
                        .bind("portal", pending.portalId().value())
                        .bind("plan", plan)
                        .bind("requestedAt", Objects.requireNonNull(Sql.timestamp(pending.requestedAt())))
                        .bind("clearsAt", Objects.requireNonNull(Sql.timestamp(pending.clearsAt())))
                        .then());
    }

    @Override
    public Mono<Pending> of(CampaignId campaignId) {
        return database.sql("SELECT " + COLUMNS + " FROM pending_finalization WHERE campaign_id = :campaign")
                .bind("campaign", campaignId.value())
                .map(this::pending)
                .one();
    }

    @Override
    public Flux<Pending> all() {
        return database.sql("SELECT " + COLUMNS + " FROM pending_finalization ORDER BY requested_at, campaign_id")
                .map(this::pending)
                .all();
    }

    @Override
    public Mono<Void> clearsAt(CampaignId campaignId, Instant clearsAt) {
        return database.sql("UPDATE pending_finalization SET clears_at = :clearsAt WHERE campaign_id = :campaign")
                .bind("campaign", campaignId.value())
                .bind("clearsAt", Objects.requireNonNull(Sql.timestamp(clearsAt)))
                .then();
    }

    @Override
    public Mono<Void> remove(CampaignId campaignId) {
        return database.sql("DELETE FROM pending_finalization WHERE campaign_id = :campaign")
                .bind("campaign", campaignId.value())
                .then();
    }

    private Pending pending(Readable row) {
        Object plan = Objects.requireNonNull(row.get("plan"));
        String text = plan instanceof Json stored ? stored.asString() : plan.toString();
        StoredPlan stored = json.readValue(text, StoredPlan.class);
        StoredSplit split = stored.orderToSplit();
        return new Pending(
                CampaignId.of(Objects.requireNonNull(row.get("campaign_id", String.class))),
                PortalId.of(Objects.requireNonNull(row.get("portal_id", String.class))),
                new FinalizationPlan(
                        stored.ordersToExecute(),
                        stored.ordersToUndo(),
                        split == null
                                ? null
                                : new FinalizationPlan.OrderSplit(
                                        split.orderId(),
                                        split.companyAmountToExecute(),
                                        split.companyAmountToUndo(),
                                        split.feeAmountToExecute(),
                                        split.feeAmountToUndo()),
                        true),
                instant(row, "requested_at"),
                instant(row, "clears_at"));
    }

    private static Instant instant(Readable row, String column) {
        return Objects.requireNonNull(Sql.instant(Objects.requireNonNull(row.get(column, OffsetDateTime.class))));
    }

    private static StoredPlan stored(FinalizationPlan plan) {
        FinalizationPlan.OrderSplit split = plan.orderToSplit();
        return new StoredPlan(
                plan.ordersToExecute(),
                plan.ordersToUndo(),
                split == null
                        ? null
                        : new StoredSplit(
                                split.orderId(),
                                split.companyAmountToExecute(),
                                split.companyAmountToUndo(),
                                split.feeAmountToExecute(),
                                split.feeAmountToUndo()));
    }
}
