@NullMarked
package io.crowdrecon.recon.campaign.web;

import org.jspecify.annotations.NullMarked;
