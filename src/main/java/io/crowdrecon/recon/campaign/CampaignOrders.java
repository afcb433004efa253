package io.crowdrecon.recon.campaign;

import reactor.core.publisher.Mono;

/**
 * What a campaign's status changes need from its orders; implemented by the order capability, so
 * that campaigns do not depend on orders.
 */
public interface CampaignOrders {

    /** Locks every order of the campaign until the transaction ends; emits whether any is ACCOUNTED. */
    Mono<Boolean> lockAndCheckAnyAccounted(String campaignId);

    /** Expires every payable order of the campaign (reason given), with history and events; emits how many. */
    Mono<Long> expirePayable(String campaignId, String reason);
}
