package io.crowdrecon.recon.platform.openapi;

import io.crowdrecon.recon.shared.IdPrefix;
import java.util.Map;

/** The documented shape of each id a client sends, by the name of its parameter or field. */
final class IdParameters {

    /** A valid orderId: TRX, 14 digits and their MOD 97-10 check digits. */
    static final String ORDER_ID_EXAMPLE = "TRX1234567890123428";

    static final String ORDER_ID_PATTERN = "^TRX[0-9]{16}$";

    private static final Map<String, IdPrefix> PREFIXED = Map.ofEntries(
            Map.entry("portalId", IdPrefix.PORTAL),
            Map.entry("companyId", IdPrefix.COMPANY),
            Map.entry("campaignId", IdPrefix.CAMPAIGN),
            Map.entry("investorId", IdPrefix.INVESTOR),
            Map.entry("moneyinId", IdPrefix.MONEYIN),
            Map.entry("moneyoutId", IdPrefix.MONEYOUT),
            Map.entry("refundId", IdPrefix.REFUND),
            Map.entry("unidentifiedTransferId", IdPrefix.UNIDENTIFIED_TRANSFER),
            Map.entry("cashoutId", IdPrefix.CASHOUT),
            Map.entry("instructionId", IdPrefix.PAYMENT_INSTRUCTION),
            Map.entry("reviewItemId", IdPrefix.REVIEW_ITEM));

    private IdParameters() {}

    /** The regular expression of the id called {@code name}, or null when {@code name} is no id. */
    static String pattern(String name) {
        if (isOrderId(name)) {
            return ORDER_ID_PATTERN;
        }
        IdPrefix prefix = PREFIXED.get(name);
        return prefix == null ? null : "^" + prefix.prefix() + "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$";
    }

    /** A well-formed example of the id called {@code name}, or null when {@code name} is no id. */
    static String example(String name) {
        if (isOrderId(name)) {
            return ORDER_ID_EXAMPLE;
        }
        IdPrefix prefix = PREFIXED.get(name);
        return prefix == null ? null : prefix.prefix() + "7Q2M9K4P8X3W6N5R";
    }

    private static boolean isOrderId(String name) {
        return name.equals("orderId") || name.equals("candidateOrderId");
    }
}
