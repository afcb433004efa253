/** Ops read how one notification was decided. */
@NullMarked
package io.crowdrecon.recon.matching.web;

import org.jspecify.annotations.NullMarked;
