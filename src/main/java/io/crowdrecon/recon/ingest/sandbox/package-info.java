@NullMarked
package io.crowdrecon.recon.ingest.sandbox;

import org.jspecify.annotations.NullMarked;
