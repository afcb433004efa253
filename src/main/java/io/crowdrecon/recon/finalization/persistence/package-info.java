@NullMarked
package io.crowdrecon.recon.finalization.persistence;

import org.jspecify.annotations.NullMarked;
