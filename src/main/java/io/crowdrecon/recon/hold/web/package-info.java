/** The holds' HTTP API: ops place, list, release and refuse them; a portal places and reads its own. */
@NullMarked
package io.crowdrecon.recon.hold.web;

import org.jspecify.annotations.NullMarked;
