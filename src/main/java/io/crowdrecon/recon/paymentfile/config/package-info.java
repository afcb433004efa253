@NullMarked
package io.crowdrecon.recon.paymentfile.config;

import org.jspecify.annotations.NullMarked;
