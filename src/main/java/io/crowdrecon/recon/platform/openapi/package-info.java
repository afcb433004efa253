@NullMarked
package io.crowdrecon.recon.platform.openapi;

import org.jspecify.annotations.NullMarked;
