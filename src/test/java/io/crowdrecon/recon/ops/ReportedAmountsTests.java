package io.crowdrecon.recon.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sums the operator and the portals read are written in their currency's minor digits, a sum of nothing too. */
class ReportedAmountsTests {

    @ParameterizedTest(name = "a sum of {1} {0} is written {2}")
    @CsvSource({
        "EUR, 2200, 2200.00",
        "EUR, 0, 0.00",
        "JPY, 1000.0, 1000",
        "KWD, 1.5, 1.500",
        "UNKNOWN, 10.5, 10.5",
        "eur, 10, 10"
    })
    void writesEachCurrencysSumsInItsMinorDigits(String currency, String sum, String written) {
        BigDecimal amount = new BigDecimal(sum);

        AuditReport audit = new AuditReport(
                Instant.EPOCH, Map.of(currency, Map.of("credits", new AuditReport.Total(1, amount))), List.of());
        OpsStats.Pending pending = new OpsStats.Pending(1, Map.of(currency, amount));
        OpsStats stats = opsStats(Map.of(currency, Map.of("matched", amount)), pending);
        PortalStats portal = new PortalStats(currency, amount, 1, amount, 1, 1, 0, 0);

        assertThat(audit.totals().get(currency).get("credits").sum().toPlainString())
                .isEqualTo(written);
        assertThat(stats.amounts().get(currency).get("matched").toPlainString()).isEqualTo(written);
        assertThat(stats.returnsPending().amounts().get(currency).toPlainString())
                .isEqualTo(written);
        assertThat(portal.sumAccounted().toPlainString()).isEqualTo(written);
        assertThat(portal.sumSplitted().toPlainString()).isEqualTo(written);
    }

    private static OpsStats opsStats(Map<String, Map<String, BigDecimal>> amounts, OpsStats.Pending pending) {
        return new OpsStats(
                Instant.EPOCH,
                new OpsStats.Credits(0L, 0, 0, 0, 0, 0, 0),
                amounts,
                Map.of(),
                pending,
                pending,
                Map.of(),
                Map.of(),
                new OpsStats.Outbox(0, 0),
                Map.of(),
                new OpsStats.ReviewQueue(0, Map.of()),
                Map.of(),
                0);
    }
}
