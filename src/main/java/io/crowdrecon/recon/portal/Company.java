package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;

/** A company raising money through one portal; cashouts go to its IBAN. Name and fiscal code are free text. */
public record Company(
        CompanyId companyId, PortalId portalId, String name, String fiscalCode, Iban iban, Instant createdAt) {}
