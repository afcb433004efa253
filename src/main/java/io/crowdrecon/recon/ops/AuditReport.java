package io.crowdrecon.recon.ops;

import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit of SPEC.md section 5: totals per currency and every invariant breach found. An empty
 * {@code breaches} means the books balance.
 */
public record AuditReport(Instant checkedAt, Map<String, Map<String, Total>> totals, List<Breach> breaches) {

    /** Each currency's sums in its minor digits ({@code UNKNOWN} and other invalid codes as summed). */
    public AuditReport {
        if (totals != null) {
            Map<String, Map<String, Total>> written = new TreeMap<>();
            totals.forEach((currency, byName) -> {
                Map<String, Total> inCurrency = new LinkedHashMap<>();
                byName.forEach((name, total) ->
                        inCurrency.put(name, new Total(total.count(), Amounts.inMinorDigits(total.sum(), currency))));
                written.put(currency, inCurrency);
            });
            totals = written;
        }
    }

    /** A count and a sum, in the currency's major unit. */
    public record Total(long count, BigDecimal sum) {
        public static final Total ZERO = new Total(0, BigDecimal.ZERO);
    }

    /** One invariant that does not hold for one subject (a currency, a moneyin, a transfer, a campaign...). */
    public record Breach(String invariant, String subjectId, BigDecimal expected, BigDecimal actual) {}
}
