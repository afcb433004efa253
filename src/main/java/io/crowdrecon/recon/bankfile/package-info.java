/**
 * Bank files in: ISO 20022 camt.052/053/054 (versions .001.02 to .001.08) and SWIFT MT940, read
 * streaming into {@link io.crowdrecon.recon.bankfile.BankFileItem}s, their entries decided through the
 * same matching as every notification, and each account statement reconciled against the books.
 * Work in progress (issue 19): the readers and the decisions come first.
 *
 * <p>The decisions, plain Java with table-driven tests: {@link io.crowdrecon.recon.bankfile.EntryNotifications} (what
 * each entry becomes: credits for the matcher, our instructions executed or returned, unexpected debits; guarded by
 * {@code EntryNotificationsTests}), {@link io.crowdrecon.recon.bankfile.StatementArithmetic} (whether a statement adds
 * up) and {@link io.crowdrecon.recon.bankfile.StatementReconciliation} (each booked statement against the books;
 * guarded by {@code StatementReconciliationTests}).
 */
@NullMarked
package io.crowdrecon.recon.bankfile;

import org.jspecify.annotations.NullMarked;
