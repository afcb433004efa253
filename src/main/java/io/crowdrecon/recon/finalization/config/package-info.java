@NullMarked
package io.crowdrecon.recon.finalization.config;

import org.jspecify.annotations.NullMarked;
