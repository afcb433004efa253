@NullMarked
package io.crowdrecon.recon.ingest.web;

import org.jspecify.annotations.NullMarked;
