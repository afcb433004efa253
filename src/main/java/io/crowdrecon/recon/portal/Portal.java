package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;

/**
 * A tenant: a crowdfunding portal with its own API key. Investors pay into its collection IBAN
 * (unique across portals); its fees are paid out to its fee account.
 */
public record Portal(PortalId portalId, String name, Iban collectionIban, Iban feeAccountIban, Instant createdAt) {}
