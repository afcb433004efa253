/**
 * Bank files in: ISO 20022 camt.052/053/054 (versions .001.02 to .001.08) and SWIFT MT940, read
 * streaming into {@link io.crowdrecon.recon.bankfile.BankFileItem}s, their entries decided through the
 * same matching as every notification, and each account statement reconciled against the books.
 * Work in progress (issue 19): the readers and the decisions come first.
 */
package io.crowdrecon.recon.bankfile;
