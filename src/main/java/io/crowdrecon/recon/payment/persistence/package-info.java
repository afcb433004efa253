@NullMarked
package io.crowdrecon.recon.payment.persistence;

import org.jspecify.annotations.NullMarked;
