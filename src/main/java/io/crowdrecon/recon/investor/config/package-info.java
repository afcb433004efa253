@NullMarked
package io.crowdrecon.recon.investor.config;

import org.jspecify.annotations.NullMarked;
