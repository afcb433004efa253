@NullMarked
package io.crowdrecon.recon.order.config;

import org.jspecify.annotations.NullMarked;
