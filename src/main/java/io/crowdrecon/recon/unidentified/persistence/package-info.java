@NullMarked
package io.crowdrecon.recon.unidentified.persistence;

import org.jspecify.annotations.NullMarked;
