package io.crowdrecon.recon.portal;

import io.crowdrecon.recon.shared.Iban;
import java.time.Instant;

/** A company raising money through one portal; cashouts go to its IBAN. Name and fiscal code are free text. */
public record Company(
        String companyId, String portalId, String name, String fiscalCode, Iban iban, Instant createdAt) {}
