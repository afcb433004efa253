/**
 * The heart of the service: deciding what an incoming credit (a bank transfer or a card capture) is, by the rules of
 * SPEC section 5 in their order. {@link io.crowdrecon.recon.matching.CreditMatcher} is a pure function from the credit
 * and the facts the caller looked up ({@link io.crowdrecon.recon.matching.MatchingFacts}) to a
 * {@link io.crowdrecon.recon.matching.CreditDecision}; {@link io.crowdrecon.recon.matching.ReferenceExtractor} finds
 * the orderId a payer wrote. Neither does I/O. Guarded by {@code CreditMatcherTests} and
 * {@code ReferenceExtractorTests}.
 */
@NullMarked
package io.crowdrecon.recon.matching;

import org.jspecify.annotations.NullMarked;
