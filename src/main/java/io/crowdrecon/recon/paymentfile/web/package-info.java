@NullMarked
package io.crowdrecon.recon.paymentfile.web;

import org.jspecify.annotations.NullMarked;
