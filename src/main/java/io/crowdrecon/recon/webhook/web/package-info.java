/** The webhook API: a portal's endpoints and their deliveries; the operators' read-only view of them. */
@NullMarked
package io.crowdrecon.recon.webhook.web;

import org.jspecify.annotations.NullMarked;
