@NullMarked
package io.crowdrecon.recon.bankfile.persistence;

import org.jspecify.annotations.NullMarked;
