/** R2DBC adapters of the hold capability: {@code compliance_hold} and the active-hold queries. */
@NullMarked
package io.crowdrecon.recon.hold.persistence;

import org.jspecify.annotations.NullMarked;
