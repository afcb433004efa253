package io.crowdrecon.recon.ingest;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Credits sent to the DLQ: each opens a {@code DLQ_CREDIT} review item, once, however often the
 * record is redelivered, and counts in the audit as {@code creditsNotDecided}.
 */
public interface UndecidedCredits {

    /**
     * @param notificationId, amount, currency what could be read of the record, each possibly null
     */
    Mono<Void> track(
            InboundRecord record,
            String reason,
            @Nullable String notificationId,
            @Nullable BigDecimal amount,
            @Nullable String currency);
}
