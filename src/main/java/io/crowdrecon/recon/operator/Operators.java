package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import reactor.core.publisher.Mono;

/** The named operators and the SHA-256 of their keys. */
public interface Operators {

    /** Stores a new operator with its key's SHA-256; emits it. */
    Mono<Operator> add(Operator operator, byte[] keyHash);

    /** Emits the operator, or completes empty when there is none of that id. */
    Mono<Operator> byId(OperatorId operatorId);

    /** The operators, newest first. */
    Mono<Page<Operator>> page(PageRequest page);

    /** Disables or re-enables the operator; emits it as stored, or completes empty when there is none. */
    Mono<Operator> setDisabled(OperatorId operatorId, boolean disabled);
}
