@NullMarked
package io.crowdrecon.recon.clearing.config;

import org.jspecify.annotations.NullMarked;
