package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.shared.OrderId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** What {@link ReferenceExtractor} found in a credit's remittance information (SPEC section 5, rule 4). */
public sealed interface ExtractedReference {

    /** Exactly one order id with valid check digits, possibly written several times. */
    record Found(OrderId orderId) implements ExtractedReference {
        public Found {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** No order id at all: {@code MISSING_REFERENCE}. */
    record Missing() implements ExtractedReference {}

    /**
     * Two or more distinct order ids, valid or not: {@code AMBIGUOUS_REFERENCE}.
     *
     * @param candidates the distinct ids, normalised to {@code TRX} + 16 digits, in the order they were written
     */
    record Ambiguous(Set<String> candidates) implements ExtractedReference {
        public Ambiguous {
            if (candidates == null || candidates.size() < 2) {
                throw new IllegalArgumentException("ambiguous means at least two distinct candidates");
            }
            candidates = Collections.unmodifiableSet(new LinkedHashSet<>(candidates));
        }
    }

    /**
     * One order id with wrong check digits, or a creditor reference with wrong check digits: {@code
     * INVALID_REFERENCE}.
     *
     * @param candidate the id as written, normalised to {@code TRX} + 16 digits
     */
    record Invalid(String candidate) implements ExtractedReference {
        public Invalid {
            Objects.requireNonNull(candidate, "candidate");
        }
    }
}
