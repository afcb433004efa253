package io.crowdrecon.recon.platform.web;

import reactor.core.publisher.Mono;

/**
 * Finds the named operator behind a key or a dashboard session. Never cached: a disabled operator completes empty
 * from the next request on, on every instance.
 */
public interface OperatorResolver {

    /** The enabled operator whose API key has this SHA-256; empty when none (or it is disabled). */
    Mono<Caller.Operator> operatorForKeyHash(byte[] keyHash);

    /** The enabled operator of this id; empty when none (or it is disabled). */
    Mono<Caller.Operator> enabledOperator(String operatorId);
}
