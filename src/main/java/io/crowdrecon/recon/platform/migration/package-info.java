@NullMarked
package io.crowdrecon.recon.platform.migration;

import org.jspecify.annotations.NullMarked;
