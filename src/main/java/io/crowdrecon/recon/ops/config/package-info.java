@NullMarked
package io.crowdrecon.recon.ops.config;

import org.jspecify.annotations.NullMarked;
