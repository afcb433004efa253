/**
 * What a portal shows of the money, read-only: an investor's statement (every order with what was paid, refunded,
 * executed into shares and is still pending, {@link io.crowdrecon.recon.statement.StatementBuilder}) and a campaign's
 * ledger (every money event in booking order with a running balance of what is held for it,
 * {@link io.crowdrecon.recon.statement.LedgerBuilder}). The builders are pure; {@code persistence} loads the facts they
 * take from the other capabilities' tables and changes nothing. Guarded by {@code StatementBuilderTests},
 * {@code LedgerBuilderTests} and {@code StatementsIT}.
 */
@NullMarked
package io.crowdrecon.recon.statement;

import org.jspecify.annotations.NullMarked;
