package io.crowdrecon.recon.finalization;

import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A portal's plan for a successful campaign: which ACCOUNTED orders to execute, which to undo
 * (refund) and at most one to split. Validated for shape here; against the campaign's orders by
 * {@link Finalization}.
 *
 * @param executeWhenCleared wait for the orders to execute to clear (the campaign is FINALIZING meanwhile) instead of
 *     refusing with FUNDS_NOT_CLEARED
 */
public record FinalizationPlan(
        List<String> ordersToExecute,
        List<String> ordersToUndo,
        @Nullable OrderSplit orderToSplit,
        boolean executeWhenCleared) {

    /** A plan that does not wait for clearing. */
    public FinalizationPlan(
            List<String> ordersToExecute, List<String> ordersToUndo, @Nullable OrderSplit orderToSplit) {
        this(ordersToExecute, ordersToUndo, orderToSplit, false);
    }

    /** One order executed in part: company and fee amounts each split into an executed and an undone part. */
    public record OrderSplit(
            String orderId,
            BigDecimal companyAmountToExecute,
            BigDecimal companyAmountToUndo,
            BigDecimal feeAmountToExecute,
            BigDecimal feeAmountToUndo) {

        Settlement.Split parts() {
            return new Settlement.Split(
                    companyAmountToExecute, companyAmountToUndo, feeAmountToExecute, feeAmountToUndo);
        }
    }

    public FinalizationPlan {
        ordersToExecute = ordersToExecute == null ? List.of() : List.copyOf(ordersToExecute);
        ordersToUndo = ordersToUndo == null ? List.of() : List.copyOf(ordersToUndo);
    }

    /** Errors with VALIDATION_FAILED listing every malformed field (a missing id, a negative part...). */
    public FinalizationPlan validate() {
        Validation v = Validation.start();
        for (int i = 0; i < ordersToExecute.size(); i++) {
            v.text("ordersToExecute[" + i + "]", ordersToExecute.get(i), true);
        }
        for (int i = 0; i < ordersToUndo.size(); i++) {
            v.text("ordersToUndo[" + i + "]", ordersToUndo.get(i), true);
        }
        if (orderToSplit != null) {
            v.text("orderToSplit.orderId", orderToSplit.orderId(), true);
            v.nonNegativeAmount("orderToSplit.companyAmountToExecute", orderToSplit.companyAmountToExecute(), true);
            v.nonNegativeAmount("orderToSplit.companyAmountToUndo", orderToSplit.companyAmountToUndo(), true);
            v.nonNegativeAmount("orderToSplit.feeAmountToExecute", orderToSplit.feeAmountToExecute(), true);
            v.nonNegativeAmount("orderToSplit.feeAmountToUndo", orderToSplit.feeAmountToUndo(), true);
        }
        v.throwIfInvalid();
        return this;
    }
}
