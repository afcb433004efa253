@NullMarked
package io.crowdrecon.recon.platform.health;

import org.jspecify.annotations.NullMarked;
