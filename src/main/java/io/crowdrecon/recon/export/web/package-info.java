/** {@code GET /exports/{kind}.csv} for a portal and {@code GET /ops/exports/{kind}.csv} across portals. */
@NullMarked
package io.crowdrecon.recon.export.web;

import org.jspecify.annotations.NullMarked;
