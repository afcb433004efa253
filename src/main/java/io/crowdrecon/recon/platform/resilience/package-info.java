@NullMarked
package io.crowdrecon.recon.platform.resilience;

import org.jspecify.annotations.NullMarked;
