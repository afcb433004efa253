package io.crowdrecon.recon.bankfile;

import io.crowdrecon.recon.bankfile.StatementReconciliation.BookCredit;
import io.crowdrecon.recon.bankfile.StatementReconciliation.BookExecution;
import io.crowdrecon.recon.bankfile.StatementReconciliation.Period;
import io.crowdrecon.recon.matching.RecordedCredit;
import io.crowdrecon.recon.shared.PortalId;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a statement is checked against: the credits and executions the books hold for an account. */
public interface StatementBooks {

    /** The portal whose collection account {@code account} is; empty for an unknown account. */
    Mono<PortalId> portalOf(String account);

    /**
     * For each of {@code bankReferences}, the first bank-transfer credit of {@code account} with that reference whose
     * outcome is not {@code DUPLICATE_FEED}; references the books do not hold are absent.
     */
    Mono<Map<String, RecordedCredit>> creditsByReference(String account, Collection<String> bankReferences);

    /** The bank-transfer credits of {@code account} booked in {@code period}, duplicates excluded. */
    Flux<BookCredit> creditsIn(String account, Period period);

    /** The portal's bank-transfer instructions executed in {@code period} (the bank's booking date of the debit). */
    Flux<BookExecution> executionsIn(PortalId portalId, Period period);

    /** Says where credits came from: {@code BANK_FILE}, or {@code STATEMENT} for those a statement found missing. */
    Mono<Void> markSource(Collection<String> notificationIds, String source);
}
