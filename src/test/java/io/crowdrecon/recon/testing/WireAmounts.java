package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts as they are written on the wire: parsing JSON into a number hides whether {@code 1000} or {@code 1000.00}
 * was sent, and that is what these look at, in the raw text of an answer or a Kafka record.
 */
public final class WireAmounts {

    private WireAmounts() {}

    /** The text of every number written for {@code field} in {@code json}, at any depth, in order. */
    public static List<String> of(String json, String field) {
        Matcher numbers = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)")
                .matcher(json);
        List<String> written = new ArrayList<>();
        while (numbers.find()) {
            written.add(numbers.group(1));
        }
        return written;
    }

    /**
     * Asserts that {@code json} writes each of {@code fields} at least once, every time in plain notation with exactly
     * {@code decimals} decimals ({@code 1000.00} for 2, {@code 1000} for 0).
     */
    public static void assertWrittenWith(String json, int decimals, String... fields) {
        String plain = decimals == 0 ? "-?[0-9]+" : "-?[0-9]+\\.[0-9]{" + decimals + "}";
        for (String field : fields) {
            assertThat(of(json, field))
                    .as("%s written in %s", field, json)
                    .isNotEmpty()
                    .allSatisfy(text -> assertThat(text).as(field).matches(plain));
        }
    }
}
