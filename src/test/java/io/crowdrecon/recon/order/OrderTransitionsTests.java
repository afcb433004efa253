package io.crowdrecon.recon.order;

import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.order.OrderStatus.CANCELLED;
import static io.crowdrecon.recon.order.OrderStatus.CREATED;
import static io.crowdrecon.recon.order.OrderStatus.EXPIRED;
import static io.crowdrecon.recon.order.OrderStatus.FAILED;
import static io.crowdrecon.recon.order.OrderStatus.INCORRECT_AMOUNT;
import static io.crowdrecon.recon.order.OrderStatus.REFUNDED;
import static io.crowdrecon.recon.order.OrderStatus.REVOKED;
import static io.crowdrecon.recon.order.OrderStatus.SPLITTED;
import static io.crowdrecon.recon.order.OrderStatus.WAITING;
import static io.crowdrecon.recon.order.OrderTrigger.CARD_AUTHORISATION_FAILED;
import static io.crowdrecon.recon.order.OrderTrigger.CARD_AUTHORISED;
import static io.crowdrecon.recon.order.OrderTrigger.EXECUTE;
import static io.crowdrecon.recon.order.OrderTrigger.EXPIRE;
import static io.crowdrecon.recon.order.OrderTrigger.MATCHING_CREDIT;
import static io.crowdrecon.recon.order.OrderTrigger.PORTAL_CANCELLED;
import static io.crowdrecon.recon.order.OrderTrigger.PORTAL_FAILED;
import static io.crowdrecon.recon.order.OrderTrigger.PORTAL_REVOKED;
import static io.crowdrecon.recon.order.OrderTrigger.PORTAL_WAITING;
import static io.crowdrecon.recon.order.OrderTrigger.RECALL;
import static io.crowdrecon.recon.order.OrderTrigger.REFUND;
import static io.crowdrecon.recon.order.OrderTrigger.WRONG_AMOUNT_CREDIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.testing.Domain;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every (status, trigger) pair against the order table of SPEC section 4, written out here by hand. */
class OrderTransitionsTests {

    private static final String ORDER_ID = Domain.ORDER_ID.value();

    /** Every status with every move allowed from it; a trigger not listed is not allowed (409). */
    private static final Map<OrderStatus, Map<OrderTrigger, OrderStatus>> SPEC_TABLE = specTable();

    private static Map<OrderStatus, Map<OrderTrigger, OrderStatus>> specTable() {
        Map<OrderStatus, Map<OrderTrigger, OrderStatus>> table = new EnumMap<>(OrderStatus.class);
        table.put(
                CREATED,
                Map.of(
                        PORTAL_WAITING, WAITING,
                        CARD_AUTHORISED, WAITING,
                        MATCHING_CREDIT, ACCOUNTED,
                        WRONG_AMOUNT_CREDIT, INCORRECT_AMOUNT,
                        PORTAL_FAILED, FAILED,
                        CARD_AUTHORISATION_FAILED, FAILED,
                        PORTAL_CANCELLED, CANCELLED,
                        EXPIRE, EXPIRED,
                        PORTAL_REVOKED, REVOKED));
        table.put(
                WAITING,
                Map.of(
                        MATCHING_CREDIT, ACCOUNTED,
                        WRONG_AMOUNT_CREDIT, INCORRECT_AMOUNT,
                        PORTAL_FAILED, FAILED,
                        CARD_AUTHORISATION_FAILED, FAILED,
                        PORTAL_CANCELLED, CANCELLED,
                        EXPIRE, EXPIRED,
                        PORTAL_REVOKED, REVOKED));
        table.put(
                INCORRECT_AMOUNT,
                Map.of(
                        PORTAL_WAITING, WAITING,
                        CARD_AUTHORISED, WAITING,
                        MATCHING_CREDIT, ACCOUNTED,
                        PORTAL_CANCELLED, CANCELLED,
                        EXPIRE, EXPIRED,
                        PORTAL_REVOKED, REVOKED));
        table.put(
                ACCOUNTED,
                Map.of(
                        PORTAL_CANCELLED, REFUNDED,
                        REFUND, REFUNDED,
                        EXECUTE, SPLITTED,
                        RECALL, WAITING,
                        PORTAL_REVOKED, REVOKED));
        table.put(SPLITTED, Map.of());
        table.put(REFUNDED, Map.of());
        table.put(FAILED, Map.of());
        table.put(CANCELLED, Map.of());
        table.put(EXPIRED, Map.of());
        table.put(REVOKED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(OrderStatus.values())
                .flatMap(from -> Arrays.stream(OrderTrigger.values()).map(trigger -> {
                    OrderStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(OrderStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(10 * 12);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheSpecTableSays(OrderStatus from, OrderTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(OrderTransitions.next(from, trigger)).isEmpty();
        } else {
            assertThat(OrderTransitions.next(from, trigger)).contains(OrderStatus.valueOf(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void neverMovesAnOrderToTheStatusItIsIn(OrderStatus from) {
        for (OrderTrigger trigger : OrderTrigger.values()) {
            assertThat(OrderTransitions.next(from, trigger)).isNotEqualTo(java.util.Optional.of(from));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"CREATED", "WAITING", "INCORRECT_AMOUNT"})
    void treatsCreatedWaitingAndIncorrectAmountAsPayable(OrderStatus status) {
        assertThat(status.isPayable()).isTrue();
        assertThat(OrderTransitions.next(status, MATCHING_CREDIT)).contains(ACCOUNTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"CREATED", "WAITING", "INCORRECT_AMOUNT"},
            mode = EnumSource.Mode.EXCLUDE)
    void treatsEveryOtherStatusAsNotPayable(OrderStatus status) {
        assertThat(status.isPayable()).isFalse();
        assertThat(OrderTransitions.next(status, MATCHING_CREDIT)).isEmpty();
    }

    @Test
    void cancelsAPayableOrderButRefundsAnAccountedOne() {
        assertThat(OrderTransitions.next(WAITING, PORTAL_CANCELLED)).contains(CANCELLED);
        assertThat(OrderTransitions.next(ACCOUNTED, PORTAL_CANCELLED)).contains(REFUNDED);
    }

    @Test
    void revokesAPayableOrderAndAnAccountedOneAlike() {
        assertThat(OrderTransitions.next(CREATED, PORTAL_REVOKED)).contains(REVOKED);
        assertThat(OrderTransitions.next(ACCOUNTED, PORTAL_REVOKED)).contains(REVOKED);
        assertThat(OrderTransitions.next(SPLITTED, PORTAL_REVOKED)).isEmpty();
        assertThat(REVOKED.isPayable()).isFalse();
    }

    @Test
    void makesAStepOnlyAlongTheTableAndRefusesAnyOtherWithIllegalTransition() {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        Order accounted = Domain.order(ACCOUNTED, null, at);

        StatusChange executed = OrderTransitions.change(accounted, EXECUTE, "finalized", at);

        assertThat(executed).isEqualTo(new StatusChange(SPLITTED, ACCOUNTED, "finalized", at));
        assertThat(accounted.moved(executed, null).status()).isEqualTo(SPLITTED);
        assertThatThrownBy(() -> OrderTransitions.change(accounted, EXPIRE, "window", at))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION))
                .hasMessage("Order " + ORDER_ID + " in ACCOUNTED cannot move on EXPIRE");
        // A step made from another status is not this order's.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Domain.order(WAITING, null, at).moved(executed, null));
    }

    @Test
    void listsTheRowsOfTheSpecTable() {
        assertThat(OrderTransitions.rows()).hasSize(14);
    }
}
