@NullMarked
package io.crowdrecon.recon.campaign.persistence;

import org.jspecify.annotations.NullMarked;
