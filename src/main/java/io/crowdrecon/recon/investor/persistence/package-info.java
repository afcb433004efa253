@NullMarked
package io.crowdrecon.recon.investor.persistence;

import org.jspecify.annotations.NullMarked;
