/**
 * The tenants: portals (their API key, collection IBAN and fee account) and the companies that raise money on them,
 * onboarded by an operator ({@link io.crowdrecon.recon.portal.Onboarding}). A portal sees only its own data.
 */
@NullMarked
package io.crowdrecon.recon.portal;

import org.jspecify.annotations.NullMarked;
