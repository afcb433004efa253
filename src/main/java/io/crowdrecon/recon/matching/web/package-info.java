@NullMarked
package io.crowdrecon.recon.matching.web;

import org.jspecify.annotations.NullMarked;
