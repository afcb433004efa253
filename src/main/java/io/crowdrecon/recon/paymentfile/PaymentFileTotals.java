package io.crowdrecon.recon.paymentfile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts and control sums of a payment file ({@code NbOfTxs}, {@code CtrlSum}), exact, for the whole file and for
 * each payment-information group in file order. Control sums are in euros with scale 2.
 *
 * @param count the number of transfers in the file
 * @param sum the sum of their amounts
 * @param groups one {@link Group} per payment-information group, in the file's order
 */
public record PaymentFileTotals(long count, BigDecimal sum, List<Group> groups) {

    public PaymentFileTotals {
        groups = List.copyOf(groups);
    }

    /** One group's count and sum. */
    public record Group(long count, BigDecimal sum) {

        /** The count and sum of {@code transfers}, iterating them once. */
        static Group of(Iterable<CreditTransfer> transfers) {
            long count = 0;
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (CreditTransfer transfer : transfers) {
                count++;
                sum = sum.add(transfer.amount());
            }
            return new Group(count, sum);
        }
    }

    /**
     * The totals of {@code content}, iterating each group's transfers once and holding none of them.
     *
     * @throws IllegalArgumentException if a group has no transfer (the schema wants at least one)
     */
    public static PaymentFileTotals of(PaymentFileContent content) {
        List<Group> groups = new ArrayList<>(content.groups().size());
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (PaymentGroup group : content.groups()) {
            Group totals = Group.of(group.transfers());
            if (totals.count() == 0) {
                throw new IllegalArgumentException(
                        "payment-information group " + group.paymentInformationId() + " has no transfer");
            }
            groups.add(totals);
            count += totals.count();
            sum = sum.add(totals.sum());
        }
        return new PaymentFileTotals(count, sum, groups);
    }
}
