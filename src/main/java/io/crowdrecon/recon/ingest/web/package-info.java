/** The card gateway's signed webhook, turned into a card notification on Kafka. */
@NullMarked
package io.crowdrecon.recon.ingest.web;

import org.jspecify.annotations.NullMarked;
