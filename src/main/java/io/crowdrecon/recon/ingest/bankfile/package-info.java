@NullMarked
package io.crowdrecon.recon.ingest.bankfile;

import org.jspecify.annotations.NullMarked;
