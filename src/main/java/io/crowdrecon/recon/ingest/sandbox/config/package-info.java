@NullMarked
package io.crowdrecon.recon.ingest.sandbox.config;

import org.jspecify.annotations.NullMarked;
