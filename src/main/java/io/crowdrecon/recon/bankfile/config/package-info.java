@NullMarked
package io.crowdrecon.recon.bankfile.config;

import org.jspecify.annotations.NullMarked;
