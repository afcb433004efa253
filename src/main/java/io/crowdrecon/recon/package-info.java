@NullMarked
package io.crowdrecon.recon;

import org.jspecify.annotations.NullMarked;
