@NullMarked
package io.crowdrecon.recon.statement.persistence;

import org.jspecify.annotations.NullMarked;
