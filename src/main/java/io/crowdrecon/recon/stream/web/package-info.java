/** The live order stream (Server-Sent Events, resumable with Last-Event-ID). */
@NullMarked
package io.crowdrecon.recon.stream.web;

import org.jspecify.annotations.NullMarked;
