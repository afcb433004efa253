package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.order.OrderStatusChanged;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionMessage;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionStatusChanged;
import io.crowdrecon.recon.payment.moneyout.MoneyoutMessage;
import io.crowdrecon.recon.unidentified.UnidentifiedTransferMessage;
import java.util.List;

/**
 * The event types a portal's endpoint may ask for: every type of a portal's event log (order status, moneyouts,
 * payment instructions requested and answered by the bank, which carry refunds, returns, cashouts and fee payouts, and
 * unidentified transfers). Payment
 * files are the operators' and are not offered.
 */
public final class WebhookEventTypes {

    public static final List<String> ALL = List.of(
            OrderStatusChanged.TYPE,
            MoneyoutMessage.CREATED,
            MoneyoutMessage.STATUS_CHANGED,
            PaymentInstructionMessage.REQUESTED,
            PaymentInstructionStatusChanged.TYPE,
            UnidentifiedTransferMessage.RECEIVED);

    private WebhookEventTypes() {}

    public static boolean isKnown(String type) {
        return ALL.contains(type);
    }
}
