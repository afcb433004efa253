@NullMarked
package io.crowdrecon.recon.matching.persistence;

import org.jspecify.annotations.NullMarked;
