@NullMarked
package io.crowdrecon.recon.platform.web;

import org.jspecify.annotations.NullMarked;
