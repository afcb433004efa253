@NullMarked
package io.crowdrecon.recon.investor.web;

import org.jspecify.annotations.NullMarked;
