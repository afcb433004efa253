package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.AuditReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /ops/audit} as the API shows {@link AuditReport}. */
@Schema(
        name = "AuditReport",
        requiredProperties = {"checkedAt", "totals", "breaches"})
public record AuditReportResponse(Instant checkedAt, Map<String, Map<String, Total>> totals, List<Breach> breaches) {

    @Schema(
            name = "AuditTotal",
            requiredProperties = {"count", "sum"})
    public record Total(long count, BigDecimal sum) {}

    @Schema(
            name = "AuditBreach",
            requiredProperties = {"invariant"})
    public record Breach(String invariant, String subjectId, BigDecimal expected, BigDecimal actual) {}

    static AuditReportResponse of(AuditReport report) {
        return new AuditReportResponse(
                report.checkedAt(),
                totals(report.totals()),
                report.breaches().stream()
                        .map(b -> new Breach(b.invariant(), b.subjectId(), b.expected(), b.actual()))
                        .toList());
    }

    /** The same keys in the same order (currencies sorted, totals as the audit listed them). */
    private static Map<String, Map<String, Total>> totals(Map<String, Map<String, AuditReport.Total>> byCurrency) {
        Map<String, Map<String, Total>> shown = new LinkedHashMap<>();
        byCurrency.forEach((currency, byName) -> {
            Map<String, Total> inCurrency = new LinkedHashMap<>();
            byName.forEach((name, total) -> inCurrency.put(name, new Total(total.count(), total.sum())));
            shown.put(currency, inCurrency);
        });
        return shown;
    }
}
