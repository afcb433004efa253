/**
 * Unidentified transfers: every credit the service cannot match to exactly one payable order, kept with its
 * {@link io.crowdrecon.recon.unidentified.UnidentifiedReason} (and the order it named, if any) and returned to the
 * payer on the channel it came from (SPEC section 5).
 */
@NullMarked
package io.crowdrecon.recon.unidentified;

import org.jspecify.annotations.NullMarked;
