@NullMarked
package io.crowdrecon.recon.paymentfile.persistence;

import org.jspecify.annotations.NullMarked;
