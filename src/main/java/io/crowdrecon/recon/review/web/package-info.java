/** Ops list and resolve review items. */
@NullMarked
package io.crowdrecon.recon.review.web;

import org.jspecify.annotations.NullMarked;
