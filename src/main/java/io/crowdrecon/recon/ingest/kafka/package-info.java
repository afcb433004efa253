@NullMarked
package io.crowdrecon.recon.ingest.kafka;

import org.jspecify.annotations.NullMarked;
