package io.crowdrecon.recon.paymentfile;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.outbox.PublishedData;
import io.crowdrecon.recon.shared.PaymentFileId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a built file is announced on {@code recon.payment-files}: a CloudEvent {@code crowdrecon.payment-file.created.v1}
 * whose key and subject are the file's id, carrying the file's XML as its data when the file is at most {@code
 * inlineLimit} bytes, and else no data and a {@code dataref} to the file's content URL: a Kafka record is 1 MiB at most
 * by default, and the outbox row must not hold a file of several. Either way the extensions {@code datasize} and
 * {@code datasha256} give the bytes' size and SHA-256, so that a consumer checks what it read or fetched.
 *
 * @param inlineLimit the largest file, in bytes, sent as data: 0 to {@link #MAX_INLINE_BYTES}
 */
public record PaymentFileAnnouncement(long inlineLimit) {

    public static final String TOPIC = "recon.payment-files";
    public static final String CREATED = "crowdrecon.payment-file.created.v1";
    public static final String CONTENT_TYPE = "application/xml";

    /**
     * The largest inline limit: a record of that much data, its key and its {@code ce_*} headers (well under a KB)
     * still fits in Kafka's default 1 MiB ({@code max.request.size}, {@code message.max.bytes}); above it the relay
     * could not publish the event, and would retry it forever.
     */
    public static final long MAX_INLINE_BYTES = 1_000_000;

    /** The CloudEvents {@code dataref} extension: where the data is when the record has none. */
    static final String DATAREF = "dataref";
    /** The size in bytes of the file (the data or what {@code dataref} names), as a decimal string. */
    static final String DATASIZE = "datasize";
    /** The lower-case hex SHA-256 of the file's bytes. */
    static final String DATASHA256 = "datasha256";

    /** @throws IllegalArgumentException if the limit is negative or above {@link #MAX_INLINE_BYTES} */
    public PaymentFileAnnouncement {
        if (inlineLimit < 0 || inlineLimit > MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("the payment file inline limit is 0 to " + MAX_INLINE_BYTES
                    + " bytes (a Kafka record is 1 MiB at most by default), not " + inlineLimit);
        }
    }

    /** Whether the file's bytes go in the event as its data (else the event has a {@code dataref}). */
    public boolean carriesContent(PaymentFile file) {
        return file.size() <= inlineLimit;
    }

    /** Where ops download the file's bytes, relative to the service's base URL. */
    public static String contentPath(PaymentFileId paymentFileId) {
        return "/api/v1/ops/payment-files/" + paymentFileId.value() + "/content";
    }

    /**
     * The event announcing {@code file}.
     *
     * @param content the file's bytes when {@link #carriesContent} says so, else null
     * @throws IllegalArgumentException if {@code content} is given when it must not be, missing when it must, or not
     *     of the file's size
     */
    public OutboundEvent event(PaymentFile file, byte @Nullable [] content) {
        boolean inline = carriesContent(file);
        if (inline != (content != null)) {
            throw new IllegalArgumentException("file " + file.paymentFileId() + " of " + file.size() + " bytes is "
                    + (inline ? "announced with its content" : "announced by reference") + " (limit " + inlineLimit
                    + ")");
        }
        if (content != null && content.length != file.size()) {
            throw new IllegalArgumentException("the content of file " + file.paymentFileId() + " is " + content.length
                    + " bytes, not " + file.size());
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        extensions.put(DATASIZE, Long.toString(file.size()));
        extensions.put(DATASHA256, file.sha256());
        if (!inline) {
            extensions.put(DATAREF, contentPath(file.paymentFileId()));
        }
        // No portal owns a file (source /ops); its JSON view is what the event log and the ops stream show.
        return new OutboundEvent(
                TOPIC,
                file.paymentFileId().value(),
                CREATED,
                null,
                null,
                null,
                PaymentFileMessage.of(file),
                new PublishedData(CONTENT_TYPE, content, extensions));
    }
}
