package io.crowdrecon.recon.ingest;

import io.crowdrecon.recon.matching.IncomingCredit;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** What one inbound record turned out to be, once parsed and validated. */
public sealed interface Inbound {

    InboundRecord record();

    /** Money in, to be decided by the matcher together with its neighbours. */
    record Credit(InboundRecord record, IncomingCredit credit) implements Inbound {}

    /** Anything else the service must apply (a bank DEBIT, a card event), once, in its own transaction. */
    record Action(InboundRecord record, String what, Supplier<Mono<Void>> apply) implements Inbound {}

    /**
     * Not a valid notification: DLQ with the reason. When it may be a credit it is tracked as real
     * money ({@code DLQ_CREDIT}); what could be read of it is kept (each possibly null).
     */
    record Rejected(
            InboundRecord record,
            String reason,
            boolean mayBeCredit,
            @Nullable String notificationId,
            @Nullable BigDecimal amount,
            @Nullable String currency)
            implements Inbound {}
}
