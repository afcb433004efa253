/** Wiring of the webhook capability. */
@NullMarked
package io.crowdrecon.recon.webhook.config;

import org.jspecify.annotations.NullMarked;
