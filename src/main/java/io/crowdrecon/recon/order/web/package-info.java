@NullMarked
package io.crowdrecon.recon.order.web;

import org.jspecify.annotations.NullMarked;
