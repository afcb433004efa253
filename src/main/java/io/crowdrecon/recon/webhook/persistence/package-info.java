/** Webhook endpoints, deliveries and attempts in PostgreSQL. */
@NullMarked
package io.crowdrecon.recon.webhook.persistence;

import org.jspecify.annotations.NullMarked;
