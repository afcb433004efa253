@NullMarked
package io.crowdrecon.recon.campaign.config;

import org.jspecify.annotations.NullMarked;
