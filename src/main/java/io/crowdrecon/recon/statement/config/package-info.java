@NullMarked
package io.crowdrecon.recon.statement.config;

import org.jspecify.annotations.NullMarked;
