@NullMarked
package io.crowdrecon.recon.ops.web;

import org.jspecify.annotations.NullMarked;
