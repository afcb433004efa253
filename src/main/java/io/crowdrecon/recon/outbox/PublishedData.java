package io.crowdrecon.recon.outbox;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an event carries on Kafka when that is not its JSON payload: a payment file's XML, or no data at all and a
 * {@code dataref} to it. The event's JSON payload stays its view in the event log and the SSE streams; only the relay
 * publishes this.
 *
 * @param contentType the CloudEvents {@code datacontenttype}, e.g. {@code application/xml}
 * @param bytes the record's data; null: a record with no data (an extension such as {@code dataref} says where it is)
 * @param extensions CloudEvents extension attributes, name to value; names as CloudEvents wants them (a-z, 0-9, at
 *     most 20 characters) and none of the core attributes
 */
public record PublishedData(String contentType, byte @Nullable [] bytes, Map<String, String> extensions) {

    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");

    /** The attributes the relay sets itself, which an extension must not replace. */
    private static final Set<String> CORE =
            Set.of("id", "source", "specversion", "type", "datacontenttype", "dataschema", "subject", "time", "data");

    /** @throws IllegalArgumentException if an extension's name is not a valid CloudEvents extension name */
    public PublishedData {
        Objects.requireNonNull(contentType, "contentType");
        extensions.forEach((name, value) -> {
            if (!EXTENSION_NAME.matcher(name).matches() || CORE.contains(name)) {
                throw new IllegalArgumentException("not a CloudEvents extension attribute name: " + name);
            }
            Objects.requireNonNull(value, name);
        });
        extensions = Collections.unmodifiableMap(new TreeMap<>(extensions));
    }
}
