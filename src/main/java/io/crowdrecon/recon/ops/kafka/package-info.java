@NullMarked
package io.crowdrecon.recon.ops.kafka;

import org.jspecify.annotations.NullMarked;
