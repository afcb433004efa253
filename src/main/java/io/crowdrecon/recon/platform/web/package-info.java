/**
 * What every endpoint shares: API-key authentication, the caller, problem+json errors, idempotent requests, request
 * limits and the dashboard's session.
 */
@NullMarked
package io.crowdrecon.recon.platform.web;

import org.jspecify.annotations.NullMarked;
