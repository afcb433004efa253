package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.Transactions;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Records an ops write in the ops log: the write and its line commit in one transaction (the use case's own
 * transaction joins it), so that no write goes unrecorded and no line claims a write that rolled back. A write refused
 * with a {@link DomainException} is recorded too, after the rollback, with the error's code as its outcome.
 */
public final class OpsJournal {

    private final OpsLog log;
    private final Transactions transactions;
    private final Clock clock;

    public OpsJournal(OpsLog log, Transactions transactions, Clock clock) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What an ops write is about.
     *
     * @param action the API operation ({@code resolveReviewItem})
     * @param objectType the kind of object ({@code ReviewItem})
     * @param objectId its id when the request names it; a create's id comes from its result
     * @param note the request's note, if it has one
     */
    public record Write(
            Actor actor, String action, String objectType, @Nullable String objectId, @Nullable String note) {

        public Write {
            Objects.requireNonNull(actor);
            Objects.requireNonNull(action);
            Objects.requireNonNull(objectType);
        }
    }

    /** Runs {@code work} and records it on the object the write names; emits what the work emits. */
    public <T> Mono<T> recorded(Write write, Supplier<Mono<T>> work) {
        return recorded(write, result -> write.objectId(), work);
    }

    /** Runs {@code work} and records it on the object {@code objectIdOf} finds in its result (a create). */
    public <T> Mono<T> recorded(Write write, Function<T, @Nullable String> objectIdOf, Supplier<Mono<T>> work) {
        return recorded(write, objectIdOf, result -> OpsLogEntry.OK, work);
    }

    private <T> Mono<T> recorded(
            Write write,
            Function<T, @Nullable String> objectIdOf,
            Function<T, String> outcomeOf,
            Supplier<Mono<T>> work) {
        return transactions
                .inTransaction(() -> work.get()
                        .flatMap(result -> log.append(line(write, objectIdOf.apply(result), outcomeOf.apply(result)))
                                .thenReturn(result)))
                .onErrorResume(DomainException.class, refused -> log.append(
                                line(write, write.objectId(), refused.code().name()))
                        .then(Mono.error(refused)));
    }

    /**
     * Runs {@code work}, which commits in transactions of its own, then records it with the outcome {@code outcomeOf}
     * reads in its result. For a write that cannot run inside another transaction: a bank file is registered, then
     * booked, each committed apart and retried after a race with another instance, and its refusal (REJECTED) is
     * itself recorded. The line follows the commit; a crash between the two loses the line, never the write.
     */
    public <T> Mono<T> recordedAfter(
            Write write,
            Function<T, @Nullable String> objectIdOf,
            Function<T, String> outcomeOf,
            Supplier<Mono<T>> work) {
        return Mono.defer(work)
                .flatMap(result -> log.append(line(write, objectIdOf.apply(result), outcomeOf.apply(result)))
                        .thenReturn(result))
                .onErrorResume(DomainException.class, refused -> log.append(
                                line(write, write.objectId(), refused.code().name()))
                        .then(Mono.error(refused)));
    }

    private OpsLogEntry line(Write write, @Nullable String objectId, String outcome) {
        return new OpsLogEntry(
                0,
                clock.instant(),
                write.actor().operatorId(),
                write.actor().name(),
                write.action(),
                write.objectType(),
                objectId,
                write.note(),
                outcome);
    }
}
