package io.crowdrecon.recon.ingest.bank;

import reactor.core.publisher.Mono;

/** Applies what a bank DEBIT says: an instruction executed or failed, or a credit recalled. */
public interface BankDebits {

    /** Completes once the debit's consequences are committed (or it was a redelivery). */
    Mono<Void> apply(BankNotification.Debit debit);
}
