package io.crowdrecon.recon.matching.persistence;

import io.crowdrecon.recon.matching.CreditChannel;
import io.crowdrecon.recon.matching.Notifications;
import io.crowdrecon.recon.platform.persistence.Sql;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcNotifications implements Notifications {

    private final DatabaseClient database;

    public R2dbcNotifications(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Notification> byId(String notificationId) {
        return database.sql("SELECT * FROM credit WHERE notification_id = :id")
                .bind("id", notificationId)
                .map(R2dbcNotifications::notification)
                .one();
    }

    private static Notification notification(Readable row) {
        String source = row.get("source", String.class);
        return new Notification(
                row.get("notification_id", String.class),
                CreditChannel.valueOf(row.get("channel", String.class)),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                row.get("creditor_iban", String.class),
                row.get("bank_reference", String.class),
                row.get("booking_date", LocalDate.class),
                instant(row.get("received_at", OffsetDateTime.class)),
                row.get("payer_name", String.class),
                row.get("payer_iban", String.class),
                row.get("description", String.class),
                row.get("structured_reference", String.class),
                Sql.id(row.get("portal_id", String.class), PortalId::of),
                row.get("outcome", String.class),
                row.get("reason", String.class),
                Sql.id(row.get("order_id", String.class), OrderId::of),
                row.get("duplicate_of", String.class),
                source == null ? "FEED" : source,
                instant(row.get("recorded_at", OffsetDateTime.class)));
    }

    @Contract("null -> null; !null -> !null")
    private static @Nullable Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
