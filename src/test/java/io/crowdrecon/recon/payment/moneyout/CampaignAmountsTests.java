package io.crowdrecon.recon.payment.moneyout;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Domain;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each amount of {@code GET /campaigns/{id}/amount} counts, one row per kind of money: an order of 1000 + 50 fee
 * whose two moneyouts stand in the row's status, paid with money cleared or not, in its reflection period or not.
 */
class CampaignAmountsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant PAST = NOW.minus(Duration.ofDays(1));
    private static final Instant FUTURE = NOW.plus(Duration.ofDays(1));
    private static final OrderId ORDER = Domain.orderId("A");

    static Stream<Arguments> amounts() {
        // status, clears, reflection ends,
        //   collected, collectedTotal, cleared, held, inReflection, refundable, executed, refunded
        return Stream.of(
                row(
                        "AVAILABLE, cleared, not revocable",
                        MoneyoutStatus.AVAILABLE,
                        PAST,
                        null,
                        "1000",
                        "1050",
                        "1000",
                        "0",
                        "0",
                        "1050",
                        "0",
                        "0"),
                row(
                        "AVAILABLE, not yet cleared",
                        MoneyoutStatus.AVAILABLE,
                        FUTURE,
                        null,
                        "1000",
                        "1050",
                        "0",
                        "0",
                        "0",
                        "1050",
                        "0",
                        "0"),
                row(
                        "AVAILABLE, clears exactly now",
                        MoneyoutStatus.AVAILABLE,
                        NOW,
                        null,
                        "1000",
                        "1050",
                        "1000",
                        "0",
                        "0",
                        "1050",
                        "0",
                        "0"),
                row(
                        "AVAILABLE, in its reflection period",
                        MoneyoutStatus.AVAILABLE,
                        PAST,
                        FUTURE,
                        "1000",
                        "1050",
                        "1000",
                        "0",
                        "1000",
                        "1050",
                        "0",
                        "0"),
                row(
                        "AVAILABLE, reflection period over",
                        MoneyoutStatus.AVAILABLE,
                        PAST,
                        PAST,
                        "1000",
                        "1050",
                        "1000",
                        "0",
                        "0",
                        "1050",
                        "0",
                        "0"),
                row(
                        "HELD: counts nowhere but held and refundable",
                        MoneyoutStatus.HELD,
                        FUTURE,
                        FUTURE,
                        "0",
                        "0",
                        "0",
                        "1000",
                        "0",
                        "1050",
                        "0",
                        "0"),
                row(
                        "EXECUTED: collected, cleared, no longer refundable",
                        MoneyoutStatus.EXECUTED,
                        FUTURE,
                        FUTURE,
                        "1000",
                        "1050",
                        "1000",
                        "0",
                        "0",
                        "0",
                        "1000",
                        "0"),
                row(
                        "REVERSED: given back",
                        MoneyoutStatus.REVERSED,
                        PAST,
                        null,
                        "0",
                        "0",
                        "0",
                        "0",
                        "0",
                        "0",
                        "0",
                        "1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void amounts(
            String behaviour, MoneyoutStatus status, Instant clears, Instant reflectionEnds, List<String> expected) {
        CampaignAmounts amounts = CampaignAmounts.zero("EUR");
        Map<OrderId, Instant> clearsAt = Map.of(ORDER, clears);
        Map<OrderId, Instant> reflection = reflectionEnds == null ? Map.of() : Map.of(ORDER, reflectionEnds);
        for (Moneyout moneyout :
                List.of(moneyout(MoneyoutType.COMPANY, "1000", status), moneyout(MoneyoutType.FEE, "50", status))) {
            amounts = amounts.plus(moneyout, clearsAt, reflection, NOW);
        }
        assertThat(List.of(
                        amounts.collected(),
                        amounts.collectedTotal(),
                        amounts.cleared(),
                        amounts.held(),
                        amounts.inReflectionPeriod(),
                        amounts.refundable(),
                        amounts.executed(),
                        amounts.refunded()))
                .as(behaviour)
                .containsExactlyElementsOf(
                        expected.stream().map(CampaignAmountsTests::eur).toList());
    }

    @Test
    void theMinimumIsReachedByCollectedMoneyOnlyHeldMoneyLeftOut() {
        CampaignAmounts amounts = CampaignAmounts.zero("EUR")
                .plus(moneyout(MoneyoutType.COMPANY, "1000", MoneyoutStatus.AVAILABLE), Map.of(), Map.of(), NOW)
                .plus(moneyout(MoneyoutType.COMPANY, "500", MoneyoutStatus.HELD), Map.of(), Map.of(), NOW);
        assertThat(amounts.reaches(eur("1000"))).isTrue();
        assertThat(amounts.reaches(eur("1500"))).isFalse();
    }

    private static Arguments row(
            String behaviour, MoneyoutStatus status, Instant clears, Instant reflectionEnds, String... expected) {
        return Arguments.of(behaviour, status, clears, reflectionEnds, List.of(expected));
    }

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    private static Moneyout moneyout(MoneyoutType type, String amount, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId("MO-" + type + "-" + amount),
                ORDER,
                new MoneyinId("MI-A"),
                PortalId.of("PRT1"),
                CampaignId.of("CMP1"),
                CompanyId.of("CO1"),
                type,
                status,
                new BigDecimal(amount),
                "EUR",
                null,
                NOW,
                null);
    }
}
