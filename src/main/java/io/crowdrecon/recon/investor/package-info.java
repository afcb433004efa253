/**
 * Investors: the people and organisations that subscribe to campaigns through one portal. A portal registers an
 * {@link io.crowdrecon.recon.investor.Investor}, replaces its whole
 * {@link io.crowdrecon.recon.investor.InvestorProfile} and reads it back through
 * {@link io.crowdrecon.recon.investor.InvestorRegistry}; another portal's investor does not exist for it. A
 * {@link io.crowdrecon.recon.investor.InvestorType#NATURAL_PERSON} needs a name and surname, a
 * {@link io.crowdrecon.recon.investor.InvestorType#LEGAL_PERSON} a business name. Its
 * {@link io.crowdrecon.recon.investor.InvestorClassification} and declared net worth decide the risk warning and the
 * reflection period of its orders (issue 23). Orders look their investor up
 * through {@link io.crowdrecon.recon.investor.Investors#ofPortal}. Guarded by {@code InvestorRegistryTests}
 * (validation) and {@code InvestorApiIT} (the API, tenancy and idempotency).
 */
@NullMarked
package io.crowdrecon.recon.investor;

import org.jspecify.annotations.NullMarked;
