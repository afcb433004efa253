package io.crowdrecon.recon.shared;

import org.jspecify.annotations.Nullable;

/**
 * The one check every typed id ({@link PortalId}, {@link CampaignId}, ...) makes of its value: present and not blank.
 * Not the shape of {@link IdPrefix}: the API's edge checks that before any query (a 404 or 400 as the SPEC says), ids
 * read back from our own database are ones we made, and a domain type that refused a stored id would turn a row into a
 * 5xx; so a typed id says which kind of id a value is, not that it is well formed.
 */
final class Ids {

    private static final int MAX_ECHOED_CHARS = 40;

    private Ids() {}

    /**
     * {@code value}, if it is not null or blank.
     *
     * @throws IllegalArgumentException naming the kind's own field ({@code portalId}, ...) otherwise
     */
    static String requirePresent(@Nullable String value, IdPrefix kind) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "a " + kind.names().get(0) + " is required, not " + (value == null ? "null" : echo(value)));
        }
        return value;
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHOED_CHARS
                ? "'" + value + "'"
                : "'" + value.substring(0, MAX_ECHOED_CHARS) + "…' (" + value.length() + " chars)";
    }
}
