package io.crowdrecon.recon.payment.instruction;

import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The DEBIT notifications received, each with what it caused; and the credits a recall points at. */
public interface Debits {

    /** What a recorded debit caused. */
    enum Outcome {
        APPLIED,
        ALREADY_APPLIED,
        RECALLED,
        RECALL_AFTER_PAYOUT,
        UNEXPECTED
    }

    /** A recorded credit, as far as a recall needs it. */
    record CreditSummary(
            String notificationId, BigDecimal amount, String currency, String outcome, @Nullable OrderId orderId) {

        /** {@code amount} in {@code currency}. */
        public Money money() {
            return Money.of(amount, currency);
        }
    }

    Mono<Boolean> isRecorded(String notificationId);

    /** Records the debit; a concurrent copy of it fails the transaction (and is then seen as recorded). */
    Mono<Void> record(BankDebit debit, Outcome outcome, Instant at);

    Mono<CreditSummary> credit(String notificationId);
}
