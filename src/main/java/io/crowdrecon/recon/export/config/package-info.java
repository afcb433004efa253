/** Wiring of the export capability. */
@NullMarked
package io.crowdrecon.recon.export.config;

import org.jspecify.annotations.NullMarked;
