@NullMarked
package io.crowdrecon.recon.ingest.persistence;

import org.jspecify.annotations.NullMarked;
