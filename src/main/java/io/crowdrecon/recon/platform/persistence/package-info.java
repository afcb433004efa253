@NullMarked
package io.crowdrecon.recon.platform.persistence;

import org.jspecify.annotations.NullMarked;
