/** The sandbox API: bank and card notifications posted over HTTP onto the same topics a feed adapter uses. */
@NullMarked
package io.crowdrecon.recon.ingest.sandbox.web;

import org.jspecify.annotations.NullMarked;
