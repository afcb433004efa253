package io.crowdrecon.recon.payment.card;

import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.ReviewItemId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The card notifications received (captures excepted), each with what it caused: redelivery is a no-op. */
public interface CardEvents {

    Mono<Boolean> isRecorded(String notificationId);

    Mono<Void> record(CardEvent event, String outcome, Instant at);

    /** A CREATED card instruction refunding {@code pspReference}, when the gateway does not name it. */
    Mono<String> openCardInstruction(String pspReference, java.math.BigDecimal amount);

    /** Records that ops reversed a chargeback: the card network took this money back. */
    Mono<Void> recordChargebackReversal(
            String orderId,
            MoneyinId moneyinId,
            String campaignId,
            java.math.BigDecimal amount,
            String currency,
            ReviewItemId reviewItemId,
            Instant at);
}
