/** Card gateway notifications: a parsed {@code CardEvent}, a captured credit for the matcher, or a rejection. */
@NullMarked
package io.crowdrecon.recon.ingest.card;

import org.jspecify.annotations.NullMarked;
