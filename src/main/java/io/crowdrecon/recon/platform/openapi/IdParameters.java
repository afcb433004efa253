package io.crowdrecon.recon.platform.openapi;

import io.crowdrecon.recon.shared.IdPrefix;
import org.jspecify.annotations.Nullable;

/** The documented shape of each id a client sends, by the name of its parameter or field ({@link IdPrefix}). */
final class IdParameters {

    /** A valid orderId: TRX, 14 digits and their MOD 97-10 check digits. */
    private static final String ORDER_ID_EXAMPLE = "TRX1234567890123428";

    private static final String EXAMPLE_SUFFIX = "7Q2M9K4P8X3W6N5R";

    private IdParameters() {}

    /** The pattern of the id (or of each id of the list) called {@code name}, or null when {@code name} is no id. */
    static @Nullable String pattern(String name) {
        return IdPrefix.named(name).map(kind -> "^" + kind.regex() + "$").orElse(null);
    }

    /** A well-formed example of the id called {@code name}, or null when {@code name} is no id. */
    static @Nullable String example(String name) {
        return IdPrefix.named(name)
                .map(kind -> kind == IdPrefix.ORDER ? ORDER_ID_EXAMPLE : kind.prefix() + EXAMPLE_SUFFIX)
                .orElse(null);
    }
}
