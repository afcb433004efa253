/** Wiring of the hold capability. */
@NullMarked
package io.crowdrecon.recon.hold.config;

import org.jspecify.annotations.NullMarked;
