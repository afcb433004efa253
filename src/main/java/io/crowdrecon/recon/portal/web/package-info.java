@NullMarked
package io.crowdrecon.recon.portal.web;

import org.jspecify.annotations.NullMarked;
