@NullMarked
package io.crowdrecon.recon.outbox.persistence;

import org.jspecify.annotations.NullMarked;
