package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.ApiKeys;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Validation;
import java.security.SecureRandom;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Administrators create operators (their key is answered once) and disable or re-enable them; each is logged. */
public final class OperatorDesk {

    private final Operators operators;
    private final OpsJournal journal;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    public OperatorDesk(Operators operators, OpsJournal journal, IdGenerator ids, SecureRandom random, Clock clock) {
        this.operators = operators;
        this.journal = journal;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /** A new operator and its API key: the only time the key exists outside the caller's hands. */
    public record Created(Operator operator, String apiKey) {}

    /**
     * Creates an operator of the given role; errors with VALIDATION_FAILED for a blank or over-long name or an unknown
     * role.
     */
    public Mono<Created> create(Actor by, @Nullable String name, @Nullable String role) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    String checkedName = v.text("name", name, true, Validation.MAX_TEXT);
                    OperatorRole checkedRole = v.oneOf("role", role, OperatorRole.class, true);
                    v.throwIfInvalid();
                    return new Operator(
                            ids.nextOperatorId(),
                            v.checked(checkedName),
                            v.checked(checkedRole),
                            false,
                            clock.instant(),
                            by.operatorId());
                })
                .flatMap(operator -> {
                    String key = ApiKeys.newApiKey(random);
                    return journal.recorded(
                            new OpsJournal.Write(by, "createOperator", "Operator", null, null),
                            created -> created.operator().operatorId().value(),
                            () -> operators.add(operator, ApiKeys.sha256(key)).map(stored -> new Created(stored, key)));
                });
    }

    /** Disables (or re-enables) an operator: its key and its dashboard sessions are refused from the next request. */
    public Mono<Operator> setDisabled(Actor by, OperatorId operatorId, boolean disabled, @Nullable String note) {
        return journal.recorded(
                new OpsJournal.Write(
                        by, disabled ? "disableOperator" : "enableOperator", "Operator", operatorId.value(), note),
                () -> operators
                        .setDisabled(operatorId, disabled)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Operator", operatorId.value()))));
    }
}
