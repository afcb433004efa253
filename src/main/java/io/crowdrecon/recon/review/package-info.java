/**
 * Review items: what an operator must look at (a payer mismatch, a dead-lettered credit, a failed instruction, a
 * chargeback, a statement's exceptions), {@code OPEN} until resolved with a note, and the actions each kind offers
 * ({@link io.crowdrecon.recon.review.ReviewActionsByKind}).
 */
@NullMarked
package io.crowdrecon.recon.review;

import org.jspecify.annotations.NullMarked;
