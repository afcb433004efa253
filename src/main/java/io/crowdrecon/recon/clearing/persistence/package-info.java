@NullMarked
package io.crowdrecon.recon.clearing.persistence;

import org.jspecify.annotations.NullMarked;
