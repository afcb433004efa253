/** The order API: a portal places and moves its orders and lists a campaign's orders. */
@NullMarked
package io.crowdrecon.recon.order.web;

import org.jspecify.annotations.NullMarked;
