@NullMarked
package io.crowdrecon.recon.bankfile.web;

import org.jspecify.annotations.NullMarked;
