/** The campaign API: a portal creates, opens, closes and cancels its campaigns. */
@NullMarked
package io.crowdrecon.recon.campaign.web;

import org.jspecify.annotations.NullMarked;
