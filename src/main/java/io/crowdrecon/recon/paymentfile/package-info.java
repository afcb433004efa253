/**
 * SEPA credit transfer files out (the first piece of issue 22), in plain Java: {@link
 * io.crowdrecon.recon.paymentfile.PaymentFileContent} says what a file holds (groups per debtor account and execution
 * date of {@link io.crowdrecon.recon.paymentfile.CreditTransfer}s), {@link
 * io.crowdrecon.recon.paymentfile.PaymentFileTotals} counts and sums it exactly, {@link
 * io.crowdrecon.recon.paymentfile.Pain001Writer} streams it as pain.001.001.09 or .001.03 with the JDK's StAX writer,
 * and {@link io.crowdrecon.recon.paymentfile.SepaText} keeps every text in the SEPA character set. No persistence, web
 * or Kafka adapter yet. Guarded by {@code SepaTextTests} and {@code Pain001WriterTests} (every file validated against
 * the EPC's pain.001.001.09 and the ISO pain.001.001.03 schemas, a 10,000-transfer file written streaming).
 */
@NullMarked
package io.crowdrecon.recon.paymentfile;

import org.jspecify.annotations.NullMarked;
