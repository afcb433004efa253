/** Bank notifications (SPEC.md section 6) as read from Kafka: a credit for the matcher, a debit, or a rejection. */
@NullMarked
package io.crowdrecon.recon.ingest.bank;

import org.jspecify.annotations.NullMarked;
