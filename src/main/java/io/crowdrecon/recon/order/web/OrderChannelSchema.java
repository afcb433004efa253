package io.crowdrecon.recon.order.web;

import io.crowdrecon.recon.order.OrderChannel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The API document's {@code OrderChannel}: {@link OrderChannel}'s names and the aliases a request may send. One schema
 * for the order's request and answer, as before the alias, so that generated clients keep their type.
 * {@code OrderChannelSchemaTests} keeps it equal to the enum's names and aliases.
 */
@Schema(
        name = "OrderChannel",
        description = "MONEYTRANSFER (Fabrick v4's spelling) is accepted in requests as MONEY_TRANSFER; answers and"
                + " events never use it, they write MONEY_TRANSFER")
enum OrderChannelSchema {
    MONEY_TRANSFER,
    MONEYTRANSFER,
    CREDIT_CARD
}
