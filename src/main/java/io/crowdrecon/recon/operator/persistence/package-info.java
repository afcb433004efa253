/** The operators' persistence adapter. */
@NullMarked
package io.crowdrecon.recon.operator.persistence;

import org.jspecify.annotations.NullMarked;
