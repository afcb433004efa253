/**
 * Payment instructions to the bank ({@code InstructionStatus}), the operator's desk that approves them, and the bank
 * debits that execute them ({@link io.crowdrecon.recon.payment.instruction.ApplyBankDebit}); credits the bank never
 * booked are held, released or reversed by {@link io.crowdrecon.recon.payment.instruction.UnreceivedCredits}.
 */
@NullMarked
package io.crowdrecon.recon.payment.instruction;

import org.jspecify.annotations.NullMarked;
