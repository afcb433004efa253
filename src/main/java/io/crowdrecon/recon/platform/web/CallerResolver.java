package io.crowdrecon.recon.platform.web;

import reactor.core.publisher.Mono;

/** Finds the portal that owns an API key (by the key's SHA-256); empty when no portal does. */
public interface CallerResolver {

    Mono<String> portalIdForKeyHash(byte[] keyHash);
}
