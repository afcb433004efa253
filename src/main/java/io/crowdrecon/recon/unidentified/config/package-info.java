@NullMarked
package io.crowdrecon.recon.unidentified.config;

import org.jspecify.annotations.NullMarked;
