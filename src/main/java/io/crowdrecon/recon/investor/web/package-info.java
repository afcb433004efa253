/** The investor API: a portal registers and reads its investors, and a campaign's investors. */
@NullMarked
package io.crowdrecon.recon.investor.web;

import org.jspecify.annotations.NullMarked;
