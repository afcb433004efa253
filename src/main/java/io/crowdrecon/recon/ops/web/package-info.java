/** The operator's figures: stats for ops and for a portal, and the audit of the books. */
@NullMarked
package io.crowdrecon.recon.ops.web;

import org.jspecify.annotations.NullMarked;
