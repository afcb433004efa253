@NullMarked
package io.crowdrecon.recon.ops.persistence;

import org.jspecify.annotations.NullMarked;
