@NullMarked
package io.crowdrecon.recon.stream.persistence;

import org.jspecify.annotations.NullMarked;
