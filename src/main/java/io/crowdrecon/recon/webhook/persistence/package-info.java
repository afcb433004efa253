/** Webhook endpoints, deliveries and attempts in PostgreSQL, and the fan-out's lease and cursor. */
@NullMarked
package io.crowdrecon.recon.webhook.persistence;

import org.jspecify.annotations.NullMarked;
