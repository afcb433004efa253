/**
 * The webhook sender over Reactor Netty: never follows a redirect, reads at most 64 KB of an answer, and checks every
 * address it dials against the URL policy, so that no name or redirect reaches a private address (SSRF).
 */
@NullMarked
package io.crowdrecon.recon.webhook.http;

import org.jspecify.annotations.NullMarked;
