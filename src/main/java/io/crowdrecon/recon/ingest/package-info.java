/**
 * The outermost ring: what comes in from banks and card gateways. Kafka consumers and webhooks parse and validate each
 * notification, dead-letter what cannot be read, and hand the rest to the capabilities ({@code matching},
 * {@code payment}, {@code bankfile}); {@code sandbox} plays the bank and the gateway in test mode, through the same
 * parsers. Nothing depends on ingest ({@code ArchitectureTests.nothingDependsOnIngest}).
 */
@NullMarked
package io.crowdrecon.recon.ingest;

import org.jspecify.annotations.NullMarked;
