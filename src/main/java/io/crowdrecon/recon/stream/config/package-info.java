@NullMarked
package io.crowdrecon.recon.stream.config;

import org.jspecify.annotations.NullMarked;
