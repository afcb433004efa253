/**
 * Reading bank files into {@link io.crowdrecon.recon.bankfile.BankFileItem}s, streaming and in plain Java:
 * {@link io.crowdrecon.recon.bankfile.read.BankFileReaders} tells the format from the first bytes,
 * {@link io.crowdrecon.recon.bankfile.read.CamtReader} reads ISO 20022 camt.052/053/054 .001.02 to .001.08 with the
 * JDK's StAX parser (no DTD, no entity, one entry in memory at a time) and
 * {@link io.crowdrecon.recon.bankfile.read.Mt940Reader} reads SWIFT MT940. Everything unreadable is an
 * {@link io.crowdrecon.recon.bankfile.UnreadableBankFileException} whose message says what and where. Guarded by
 * {@code BankFileReadersTests}, {@code CamtReaderTests} (every sample under {@code bankfiles/camt}, each version's
 * forms, each refusal, a 200,000-entry stream) and {@code CamtValuesTests}.
 */
@NullMarked
package io.crowdrecon.recon.bankfile.read;

import org.jspecify.annotations.NullMarked;
