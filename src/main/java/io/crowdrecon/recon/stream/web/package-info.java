@NullMarked
package io.crowdrecon.recon.stream.web;

import org.jspecify.annotations.NullMarked;
