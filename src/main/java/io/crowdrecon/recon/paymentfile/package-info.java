/**
 * SEPA credit transfer files out (issue 22, docs/payment-files.md). Plain Java: {@link
 * io.crowdrecon.recon.paymentfile.Pain001Writer} streams a {@link io.crowdrecon.recon.paymentfile.PaymentFileContent}
 * as pain.001.001.09 or .001.03, {@link io.crowdrecon.recon.paymentfile.SepaText} keeps every text in the SEPA set,
 * {@link io.crowdrecon.recon.paymentfile.PaymentFileGathering} decides which instructions go into which file and which
 * are refused, {@link io.crowdrecon.recon.shared.Target2Calendar} dates them, and {@link
 * io.crowdrecon.recon.paymentfile.BuildPaymentFiles} builds and stores them (one file per debtor account, under an
 * advisory lock, bytes in chunks), announcing each on {@code recon.payment-files} ({@link
 * io.crowdrecon.recon.paymentfile.PaymentFileAnnouncement}: the XML as data up to the inline limit, else a {@code
 * dataref}). States: {@link io.crowdrecon.recon.paymentfile.PaymentFileTransitions}. Adapters in
 * {@code persistence} and {@code web}. Guarded by {@code SepaTextTests}, {@code Pain001WriterTests}, {@code
 * PaymentFileGatheringTests}, {@code Target2CalendarTests}, {@code PaymentFileTransitionsTests}, {@code
 * PaymentFileAnnouncementTests}, {@code PaymentFileBuildIT}, {@code PaymentFileApiIT}, {@code PaymentFileByReferenceIT},
 * {@code PaymentFileVersionIT}, {@code PaymentFileTenThousandIT} and {@code PaymentFileStatusReportIT}. The cut-off
 * schedule is in {@code config} ({@code PaymentFileCutOff}, {@code PaymentFileCutOffTests}, {@code
 * PaymentFilePropertiesTests}, {@code PaymentFileCutOffIT}).
 */
@NullMarked
package io.crowdrecon.recon.paymentfile;

import org.jspecify.annotations.NullMarked;
