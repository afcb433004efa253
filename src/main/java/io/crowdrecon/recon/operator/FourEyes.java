package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.OperatorId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may approve or reject a payment awaiting approval (issue 22, four eyes): a role that may
 * {@link OpsAction#APPROVE_PAYMENTS}, and never the operator who caused the payment (a re-issue, a released IBAN). A
 * payment no operator caused (a portal's finalization, an automatic return) needs one approver, anyone who may. The
 * bootstrap administrator is an operator like any other here.
 */
public final class FourEyes {

    private FourEyes() {}

    /**
     * Why {@code approver} may not decide on a payment {@code causedBy} caused (null: no operator); empty when they
     * may. {@code FORBIDDEN} for a role that may not approve, {@code FOUR_EYES} for the operator who caused it.
     */
    public static Optional<ErrorCode> refusal(Actor approver, @Nullable OperatorId causedBy) {
        if (!approver.may(OpsAction.APPROVE_PAYMENTS)) {
            return Optional.of(ErrorCode.FORBIDDEN);
        }
        if (approver.operatorId().equals(causedBy)) {
            return Optional.of(ErrorCode.FOUR_EYES);
        }
        return Optional.empty();
    }
}
