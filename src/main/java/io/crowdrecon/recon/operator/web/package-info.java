/** The operators' web adapter. */
@NullMarked
package io.crowdrecon.recon.operator.web;

import org.jspecify.annotations.NullMarked;
