@NullMarked
package io.crowdrecon.recon.outbox.kafka;

import org.jspecify.annotations.NullMarked;
