@NullMarked
package io.crowdrecon.recon.portal.persistence;

import org.jspecify.annotations.NullMarked;
