@NullMarked
package io.crowdrecon.recon.review.persistence;

import org.jspecify.annotations.NullMarked;
