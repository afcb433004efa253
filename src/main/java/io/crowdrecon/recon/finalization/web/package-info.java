@NullMarked
package io.crowdrecon.recon.finalization.web;

import org.jspecify.annotations.NullMarked;
