@NullMarked
package io.crowdrecon.recon.ingest.sandbox.web;

import org.jspecify.annotations.NullMarked;
