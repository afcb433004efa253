/**
 * What every capability runs on and none of them decides: HTTP security and problem+json errors, Kafka and R2DBC
 * wiring, resilience around the broker and the database, health, OpenAPI, and the {@code migrate} command. Platform
 * depends on no capability's persistence ({@code ArchitectureTests}).
 */
@NullMarked
package io.crowdrecon.recon.platform;

import org.jspecify.annotations.NullMarked;
