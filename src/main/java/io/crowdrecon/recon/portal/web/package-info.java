/** Ops onboard portals and companies. */
@NullMarked
package io.crowdrecon.recon.portal.web;

import org.jspecify.annotations.NullMarked;
