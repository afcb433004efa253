@NullMarked
package io.crowdrecon.recon.review.config;

import org.jspecify.annotations.NullMarked;
