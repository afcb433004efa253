@NullMarked
package io.crowdrecon.recon.portal.config;

import org.jspecify.annotations.NullMarked;
