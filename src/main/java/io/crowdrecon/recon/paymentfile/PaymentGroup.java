package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.Iban;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment-information group of a file ({@code PmtInf}): the transfers debited from one account on one requested
 * execution date, each group with its own count and control sum.
 *
 * <p>{@code transfers} is re-iterable and is iterated twice by {@link Pain001Writer}: once to count and sum (the
 * header and the group come before the transactions), once to write. It must yield the same transfers both times: a
 * source that changes in between makes the writer fail rather than write a header that disagrees with its body. An
 * adapter backs it with a query it can run twice (keyset pages over the file's rows, which never change once the file
 * is built), so no more than a page is in memory.
 *
 * @param paymentInformationId a SEPA identifier unique within the file
 * @param debtorName 1 to 70 characters of the SEPA set
 * @param debtorIban the account debited
 * @param debtorBic the debtor's bank; when absent the file says {@code NOTPROVIDED}, as the EPC allows
 * @param requestedExecutionDate the day the debtor's account is to be debited
 * @param transfers the group's credit transfers, at least one
 */
public record PaymentGroup(
        String paymentInformationId,
        String debtorName,
        Iban debtorIban,
        Optional<String> debtorBic,
        LocalDate requestedExecutionDate,
        Iterable<CreditTransfer> transfers) {

    /** @throws IllegalArgumentException if a field breaks the rule its parameter states (emptiness is found later) */
    public PaymentGroup {
        Objects.requireNonNull(debtorIban, "debtorIban");
        Objects.requireNonNull(debtorBic, "debtorBic");
        Objects.requireNonNull(requestedExecutionDate, "requestedExecutionDate");
        Objects.requireNonNull(transfers, "transfers");
        if (!SepaText.isIdentifier(paymentInformationId)) {
            throw new IllegalArgumentException(
                    "paymentInformationId is not a SEPA identifier: " + paymentInformationId);
        }
        if (!CreditTransfer.isName(debtorName)) {
            throw new IllegalArgumentException("debtorName is 1 to 70 characters of the SEPA character set");
        }
        debtorBic.ifPresent(bic -> {
            if (!CreditTransfer.isBic(bic)) {
                throw new IllegalArgumentException("not a BIC: " + bic);
            }
        });
    }
}
