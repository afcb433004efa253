@NullMarked
package io.crowdrecon.recon.platform.kafka;

import org.jspecify.annotations.NullMarked;
