/** The finalization API: a portal finalizes a closed campaign as a success or a failure, and reads its cashout. */
@NullMarked
package io.crowdrecon.recon.finalization.web;

import org.jspecify.annotations.NullMarked;
