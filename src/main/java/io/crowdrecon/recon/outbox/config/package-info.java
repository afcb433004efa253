@NullMarked
package io.crowdrecon.recon.outbox.config;

import org.jspecify.annotations.NullMarked;
