package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Validation;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks of an endpoint's registration or replacement, as plain decisions: the shape of the request (400
 * {@code VALIDATION_FAILED} naming every bad field) and, once the host is resolved, its addresses (422
 * {@code WEBHOOK_URL_NOT_ALLOWED} naming the address). Resolving the host is the registry's I/O, not decided here.
 */
public final class EndpointRequestCheck {

    public static final int MAX_DESCRIPTION = 1024;

    /** What a portal sent: any field may be missing or wrong. */
    public record Request(
            @Nullable String url, @Nullable List<@Nullable String> eventTypes, @Nullable String description) {}

    /**
     * A request whose shape is fine.
     *
     * @param host the URL's host as {@link URI#getHost()} spells it (an IPv6 literal in brackets)
     */
    public record Checked(String url, String host, List<String> eventTypes, @Nullable String description) {}

    private EndpointRequestCheck() {}

    /** The request, checked; errors with VALIDATION_FAILED listing every bad field. */
    public static Checked checked(Request request, UrlPolicy.Settings settings) {
        Validation v = Validation.start();
        String url = url(v, request.url(), settings);
        List<String> eventTypes = eventTypes(v, request.eventTypes());
        String description = v.text("description", request.description(), false, MAX_DESCRIPTION);
        v.throwIfInvalid();
        String checkedUrl = v.checked(url);
        return new Checked(checkedUrl, v.checked(URI.create(checkedUrl).getHost()), eventTypes, description);
    }

    /**
     * Why an endpoint on {@code host} may not be registered, given the addresses it resolved to; empty when every
     * address may be dialled. One refused address is enough: a name that answers a private address among public ones
     * could be dialled there.
     */
    public static Optional<String> addressRefusal(
            String host, List<InetAddress> addresses, UrlPolicy.Settings settings) {
        if (addresses.isEmpty()) {
            return Optional.of(unresolved(host));
        }
        return addresses.stream()
                .map(address -> UrlPolicy.refusal(address, settings))
                .flatMap(Optional::stream)
                .findFirst()
                .map(reason -> "url's host " + host + " " + reason);
    }

    /** The detail of a host that resolves to no address. */
    public static String unresolved(String host) {
        return "url's host " + host + " does not resolve to any address";
    }

    /** The 422 of a refused address or host. */
    public static DomainException notAllowed(String detail) {
        return new DomainException(ErrorCode.WEBHOOK_URL_NOT_ALLOWED, detail);
    }

    private static @Nullable String url(Validation v, @Nullable String value, UrlPolicy.Settings settings) {
        if (value == null || value.isBlank()) {
            v.add("url", "is required");
            return null;
        }
        if (value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            v.add("url", "is not a URL: it must not contain spaces or control characters");
            return null;
        }
        Optional<String> refusal = UrlPolicy.refusal(value, settings);
        if (refusal.isPresent()) {
            v.add("url", refusal.get());
            return null;
        }
        return value;
    }

    private static List<String> eventTypes(Validation v, @Nullable List<@Nullable String> values) {
        if (values == null || values.isEmpty()) {
            v.add("eventTypes", "must name at least one of " + WebhookEventTypes.ALL);
            return List.of();
        }
        List<String> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String type = values.get(i);
            String field = "eventTypes[" + i + "]";
            if (type == null || type.isBlank()) {
                v.add(field, "is required: one of " + WebhookEventTypes.ALL);
            } else if (!WebhookEventTypes.isKnown(type)) {
                v.add(field, "names no event type: " + echo(type) + " is not one of " + WebhookEventTypes.ALL);
            } else if (!seen.add(type)) {
                v.add(field, "repeats " + type);
            } else {
                types.add(type);
            }
        }
        return types;
    }

    /** An unknown type, shortened: it is the caller's text, echoed in the problem. */
    private static String echo(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
