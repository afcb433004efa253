package io.crowdrecon.recon.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTrigger;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Domain;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC sections 4 and 6: what the card gateway's authorisations and chargebacks do to an order and its money. */
class CardEventDecisionTests {

    private static final String ORDER_ID = Domain.ORDER_ID.value();

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    final IdGenerator ids = Domain.ids(3);

    @ParameterizedTest(name = "{0} authorisation on a {1} order -> {2}")
    @CsvSource({
        "true,  CREATED,          CARD_AUTHORISED",
        "true,  INCORRECT_AMOUNT, CARD_AUTHORISED",
        "true,  WAITING,          -",
        "true,  ACCOUNTED,        -",
        "true,  FAILED,           -",
        "false, CREATED,          CARD_AUTHORISATION_FAILED",
        "false, WAITING,          CARD_AUTHORISATION_FAILED",
        "false, INCORRECT_AMOUNT, -",
        "false, ACCOUNTED,        -",
        "false, EXPIRED,          -",
    })
    void anAuthorisationMovesTheOrderAsItsTableSaysAndOtherwiseChangesNothing(
            boolean success, OrderStatus status, String trigger) {
        CardEventDecision decision =
                CardEventDecision.authorisation(event(CardEvent.Code.AUTHORISATION, success), order(status));

        if (trigger.equals("-")) {
            assertThat(decision).isEqualTo(new CardEventDecision.Recorded("NO_CHANGE", List.of()));
        } else {
            assertThat(decision).isInstanceOfSatisfying(CardEventDecision.MoveOrder.class, move -> {
                assertThat(move.trigger()).isEqualTo(OrderTrigger.valueOf(trigger));
                assertThat(move.outcome()).isEqualTo("APPLIED");
            });
        }
    }

    @Test
    void aChargebackOnAnAccountedOrderWhoseMoneyIsAllHereHoldsItsMoneyoutsForOps() {
        List<Moneyout> outs =
                List.of(moneyout("MO1", MoneyoutStatus.AVAILABLE), moneyout("MO2", MoneyoutStatus.AVAILABLE));

        CardEventDecision decision =
                CardEventDecision.chargeback(chargeback("fraud"), order(OrderStatus.ACCOUNTED), outs, ids, NOW);

        assertThat(decision).isInstanceOfSatisfying(CardEventDecision.Hold.class, hold -> {
            assertThat(hold.outcome()).isEqualTo("HELD");
            assertThat(hold.held()).extracting(Moneyout::status).containsOnly(MoneyoutStatus.HELD);
            assertThat(hold.held())
                    .extracting(Moneyout::moneyoutId)
                    .containsExactly(new MoneyoutId("MO1"), new MoneyoutId("MO2"));
            assertThat(hold.at()).isEqualTo(NOW);
            assertThat(hold.events()).hasSize(2);
            assertThat(hold.review().kind()).isEqualTo(ReviewKind.CHARGEBACK);
            assertThat(hold.review().subjectId()).isEqualTo("CB-1");
            assertThat(hold.review().detail())
                    .isEqualTo("Chargeback CB-1 (1100.00 EUR, fraud) on order " + ORDER_ID + ": its moneyouts are HELD;"
                            + " resolve with action RELEASE or REVERSE");
        });
    }

    @Test
    void aChargebackWithoutAReasonSaysSo() {
        CardEventDecision decision = CardEventDecision.chargeback(
                chargeback(null),
                order(OrderStatus.ACCOUNTED),
                List.of(moneyout("MO1", MoneyoutStatus.AVAILABLE)),
                ids,
                NOW);

        assertThat(decision.reviews()).extracting(ReviewItem::detail).allMatch(d -> d.contains("no reason given"));
    }

    @Test
    void aSecondChargebackOnMoneyAlreadyHeldChangesNothing() {
        CardEventDecision decision = CardEventDecision.chargeback(
                chargeback("fraud"),
                order(OrderStatus.ACCOUNTED),
                List.of(moneyout("MO1", MoneyoutStatus.HELD), moneyout("MO2", MoneyoutStatus.HELD)),
                ids,
                NOW);

        assertThat(decision).isEqualTo(new CardEventDecision.Recorded("ALREADY_HELD", List.of()));
    }

    @Test
    void aChargebackOnMoneyHeldByAComplianceHoldOpensItsItemMovingNothing() {
        CardEventDecision decision = CardEventDecision.chargeback(
                chargeback("fraud"),
                order(OrderStatus.ACCOUNTED),
                List.of(moneyout("MO1", MoneyoutStatus.HELD), moneyout("MO2", MoneyoutStatus.HELD)),
                false,
                ids,
                NOW);

        assertThat(decision.outcome()).isEqualTo("HELD");
        assertThat(((CardEventDecision.Hold) decision).held()).isEmpty();
        assertThat(((CardEventDecision.Hold) decision).events()).isEmpty();
        assertThat(decision.reviews()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ReviewKind.CHARGEBACK);
            assertThat(item.orderId()).isEqualTo(Domain.ORDER_ID);
        });
    }

    @Test
    void aChargebackWhileAnotherIsOpenChangesNothingWhateverElseHoldsTheMoney() {
        CardEventDecision decision = CardEventDecision.chargeback(
                chargeback("fraud"),
                order(OrderStatus.ACCOUNTED),
                List.of(moneyout("MO1", MoneyoutStatus.HELD)),
                true,
                ids,
                NOW);

        assertThat(decision).isEqualTo(new CardEventDecision.Recorded("ALREADY_HELD", List.of()));
    }

    @ParameterizedTest(name = "{0} order, moneyouts {1}")
    @CsvSource({
        "SPLITTED,  EXECUTED",
        "REFUNDED,  REVERSED",
        "ACCOUNTED, EXECUTED",
        "ACCOUNTED, -",
    })
    void aChargebackAfterTheMoneyWentOutIsALossForOpsToSee(OrderStatus status, String moneyoutStatus) {
        List<Moneyout> outs = moneyoutStatus.equals("-")
                ? List.of()
                : List.of(moneyout("MO1", MoneyoutStatus.valueOf(moneyoutStatus)));

        CardEventDecision decision = CardEventDecision.chargeback(chargeback("fraud"), order(status), outs, ids, NOW);

        assertThat(decision.outcome()).isEqualTo("LOSS");
        assertThat(decision.reviews()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ReviewKind.CHARGEBACK_LOSS);
            assertThat(item.detail())
                    .isEqualTo("Chargeback CB-1 (1100.00 EUR) on order " + ORDER_ID + ", which is " + status
                            + ": its money has already gone out");
        });
    }

    @Test
    void aChargebackNamingNoOrderOpensAnUnexpectedDebitAndAnyOtherEventIsOnlyRecorded() {
        CardEventDecision chargeback = CardEventDecision.unknownOrder(chargeback("fraud"), ids, NOW);
        CardEventDecision authorisation =
                CardEventDecision.unknownOrder(event(CardEvent.Code.AUTHORISATION, true), ids, NOW);

        assertThat(chargeback.outcome()).isEqualTo("UNKNOWN_ORDER");
        assertThat(chargeback.reviews()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ReviewKind.UNEXPECTED_DEBIT);
            assertThat(item.portalId()).isNull();
            assertThat(item.detail())
                    .isEqualTo("Chargeback CB-1 of 1100.00 EUR names order " + ORDER_ID
                            + ", which is unknown; nothing was changed");
        });
        assertThat(authorisation).isEqualTo(new CardEventDecision.Recorded("UNKNOWN_ORDER", List.of()));
    }

    @Test
    void aFailedCaptureChangesNothing() {
        assertThat(CardEventDecision.failedCapture())
                .isEqualTo(new CardEventDecision.Recorded("CAPTURE_FAILED", List.of()));
    }

    private static io.crowdrecon.recon.order.Order order(OrderStatus status) {
        return Domain.order(status, null, NOW);
    }

    private static CardEvent event(CardEvent.Code code, boolean success) {
        return new CardEvent(
                "CB-1", code, success, ORDER_ID, new BigDecimal("1100.00"), "EUR", "PSP-1", NOW, null, null, null);
    }

    private static CardEvent chargeback(String reason) {
        return new CardEvent(
                "CB-1",
                CardEvent.Code.CHARGEBACK,
                true,
                ORDER_ID,
                new BigDecimal("1100.00"),
                "EUR",
                "PSP-1",
                NOW,
                reason,
                null,
                null);
    }

    static Moneyout moneyout(String id, MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId(id),
                Domain.ORDER_ID,
                new MoneyinId("MI1"),
                PortalId.of("P1"),
                CampaignId.of("C1"),
                CompanyId.of("CO1"),
                MoneyoutType.COMPANY,
                status,
                new BigDecimal("550"),
                "EUR",
                null,
                NOW,
                null);
    }
}
