@NullMarked
package io.crowdrecon.recon.matching.config;

import org.jspecify.annotations.NullMarked;
