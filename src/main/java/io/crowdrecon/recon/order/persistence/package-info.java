@NullMarked
package io.crowdrecon.recon.order.persistence;

import org.jspecify.annotations.NullMarked;
