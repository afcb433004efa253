package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.shared.ConcurrentChangeException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The use case at the heart of the service: decides a batch of incoming credits and books every
 * decision in ONE transaction, events included. Redelivered credits are no-ops, so a batch can be
 * replayed after any crash. When a concurrent batch or request wins a race (a duplicate bank
 * reference, a deadlock), the whole batch is decided again on fresh facts.
 */
public class ReconcileIncomingCredits {

    private static final int RACE_RETRIES = 5;

    private final CreditLedger ledger;
    private final EventLog events;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public ReconcileIncomingCredits(
            CreditLedger ledger, EventLog events, Transactions transactions, IdGenerator ids, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a committed batch did. */
    public record BatchResult(Bookings bookings) {}

    /**
     * Decides and books {@code credits} in the given order; emits after the commit. Errors when the
     * database refuses the batch for a reason other than a lost race (the caller then retries
     * credit by credit to isolate the culprit).
     */
    public Mono<BatchResult> reconcile(List<IncomingCredit> credits) {
        if (credits.isEmpty()) {
            return Mono.just(new BatchResult(new Bookings()));
        }
        return transactions
                .inTransaction(() -> ledger.factsFor(credits)
                        .map(facts -> CreditBatch.book(credits, facts, ids, clock.instant()))
                        .flatMap(bookings -> ledger.record(bookings)
                                .then(events.append(bookings.events()))
                                .thenReturn(new BatchResult(bookings))))
                .retryWhen(Retry.backoff(RACE_RETRIES, Duration.ofMillis(20))
                        .filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
}
