/** The operators' config adapter. */
@NullMarked
package io.crowdrecon.recon.operator.config;

import org.jspecify.annotations.NullMarked;
