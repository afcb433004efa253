@NullMarked
package io.crowdrecon.recon.platform.config;

import org.jspecify.annotations.NullMarked;
