package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.outbox.AfterPublication;
import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.PaymentFileId;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code RECON_PAYMENT_FILE_TAKEN=KAFKA}: a bank feed that takes its files from {@code recon.payment-files} has a file
 * once its announcement is on the topic, so the file is SENT then, as {@link #SENT_BY}, without a {@code PUT …/sent}.
 * Called again for the same event (a relay's successor publishes a batch again), it finds the file SENT and does
 * nothing.
 */
public class TakenFromKafka implements AfterPublication {

    /** Who marked a file taken from Kafka SENT: the topic, not an operator. */
    public static final String SENT_BY = "recon.payment-files";

    private final SendPaymentFile send;

    public TakenFromKafka(SendPaymentFile send) {
        this.send = send;
    }

    @Override
    public Mono<Void> published(List<StoredEvent> events) {
        return Flux.fromIterable(events)
                .filter(event -> PaymentFileAnnouncement.CREATED.equals(event.type()))
                .concatMap(event -> send.sent(PaymentFileId.of(event.key()), SENT_BY)
                        // sent before (a PUT, or this event published again): nothing to do
                        .onErrorResume(
                                e -> e instanceof DomainException d && d.code() == ErrorCode.ILLEGAL_TRANSITION,
                                e -> Mono.empty()))
                .then();
    }
}
