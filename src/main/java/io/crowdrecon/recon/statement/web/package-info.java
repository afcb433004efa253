@NullMarked
package io.crowdrecon.recon.statement.web;

import org.jspecify.annotations.NullMarked;
