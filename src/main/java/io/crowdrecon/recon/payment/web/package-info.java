@NullMarked
package io.crowdrecon.recon.payment.web;

import org.jspecify.annotations.NullMarked;
