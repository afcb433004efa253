/**
 * Values shared by every capability: order ids with their ISO 7064 check digits, a typed id per other kind of id
 * ({@code PortalId}, {@code CampaignId}, ...: present, its shape checked at the edge), ISO 11649 creditor references,
 * IBANs in electronic format, money amounts as {@link java.math.BigDecimal} (written in their currency's ISO 4217
 * minor digits) and {@link io.crowdrecon.recon.shared.Money} (an amount in one currency, as the decisions add and
 * compare it), ISO 3166-1 alpha-2 country codes and the generic transition table behind each status enum. Plain
 * Java, no framework types; guarded by {@code OrderIdTests}, {@code TypedIdsTests}, {@code CreditorReferenceTests},
 * {@code IbanTests}, {@code AmountsTests}, {@code MoneyTests}, {@code CountryCodeTests} and {@code TransitionTableTests}.
 */
@NullMarked
package io.crowdrecon.recon.shared;

import org.jspecify.annotations.NullMarked;
