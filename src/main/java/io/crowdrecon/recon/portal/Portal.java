package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tenant: a crowdfunding portal with its own API key. Investors pay into its collection IBAN
 * (unique across portals); its fees are paid out to its fee account.
 *
 * @param collectionAccountHolder who holds the collection account (a bank or an escrow holder), as given at onboarding;
 *     null when not given: {@link #creditorName()} is then the portal's name
 */
public record Portal(
        PortalId portalId,
        String name,
        Iban collectionIban,
        Iban feeAccountIban,
        Instant createdAt,
        @Nullable String collectionAccountHolder) {

    /** The longest holder a SEPA credit transfer carries as the creditor's name. */
    public static final int MAX_HOLDER = 70;

    /** A portal whose collection account holder is its own name. */
    public Portal(PortalId portalId, String name, Iban collectionIban, Iban feeAccountIban, Instant createdAt) {
        this(portalId, name, collectionIban, feeAccountIban, createdAt, null);
    }

    /** The creditor investors pay: the collection account's holder, defaulting to the portal's name. */
    public String creditorName() {
        return collectionAccountHolder == null ? name : collectionAccountHolder;
    }
}
