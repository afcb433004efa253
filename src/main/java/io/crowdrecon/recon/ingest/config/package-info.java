@NullMarked
package io.crowdrecon.recon.ingest.config;

import org.jspecify.annotations.NullMarked;
