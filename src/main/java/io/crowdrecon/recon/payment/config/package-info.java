@NullMarked
package io.crowdrecon.recon.payment.config;

import org.jspecify.annotations.NullMarked;
