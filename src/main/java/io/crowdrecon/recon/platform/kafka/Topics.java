package io.crowdrecon.recon.platform.kafka;

import java.util.List;

/** The Kafka topics of SPEC.md section 6; names are part of the contract. */
public final class Topics {

    public static final String BANK_NOTIFICATIONS = "recon.bank-notifications";
    public static final String CARD_NOTIFICATIONS = "recon.card-notifications";
    public static final String ORDER_EVENTS = "recon.order-events";
    public static final String MONEYOUTS = "recon.moneyouts";
    public static final String PAYMENT_INSTRUCTIONS = "recon.payment-instructions";
    /**
     * The bank's or gateway's answer to each instruction (executed, failed). Apart from {@link #PAYMENT_INSTRUCTIONS}
     * on purpose: a feed adapter executes every record of that topic, and must never take an answer for a new request.
     */
    public static final String PAYMENT_INSTRUCTION_OUTCOMES = "recon.payment-instruction-outcomes";

    public static final String UNIDENTIFIED_TRANSFERS = "recon.unidentified-transfers";
    /** Each SEPA pain.001 file built, its XML as data (or a dataref above the inline limit): docs/payment-files.md. */
    public static final String PAYMENT_FILES = "recon.payment-files";
    /** The bank's own files (camt.052/053/054, MT940), one file per record, any key. */
    public static final String BANK_FILES = "recon.bank-files";

    public static final List<String> INBOUND = List.of(BANK_NOTIFICATIONS, CARD_NOTIFICATIONS, BANK_FILES);

    /**
     * The largest bank file, in bytes (50 MiB): the API's limit, and (with room for the record's own
     * overhead) the {@code max.message.bytes} of {@link #BANK_FILES}. A producer sending files must
     * raise its {@code max.request.size} to match.
     */
    public static final int MAX_BANK_FILE_BYTES = 50 * 1024 * 1024;

    public static final List<String> OUTBOUND = List.of(
            ORDER_EVENTS,
            MONEYOUTS,
            PAYMENT_INSTRUCTIONS,
            PAYMENT_INSTRUCTION_OUTCOMES,
            UNIDENTIFIED_TRANSFERS,
            PAYMENT_FILES);

    /** The Kafka header naming the portal whose signed webhook (or sandbox) a card record came through. */
    public static final String SOURCE_PORTAL_HEADER = "x-recon-portal-id";

    private Topics() {}

    /** The dead-letter topic of an inbound topic. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
