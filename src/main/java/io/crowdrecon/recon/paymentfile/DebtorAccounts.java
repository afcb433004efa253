package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.shared.PortalId;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/** The accounts payment files debit: each portal's collection account. */
public interface DebtorAccounts {

    /** The debtor account of each of {@code portalIds} that has one (a valid collection IBAN); others are absent. */
    Mono<Map<PortalId, DebtorAccount>> of(Set<PortalId> portalIds);

    /**
     * Sets the pain.001 version of the portal's files from the next build on (files built keep theirs); emits the
     * version stored, or completes empty for an unknown portal.
     */
    Mono<Pain001Version> setVersion(PortalId portalId, Pain001Version version);
}
