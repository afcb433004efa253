package io.crowdrecon.recon.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.testing.Domain;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** When the portal may revoke an order: every status, inside and outside the reflection period, and the checks' order. */
class RevocationTests {

    private static final Instant CREATED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ENDS_AT = CREATED_AT.plus(Duration.ofDays(4));
    private static final Instant DAY_3 = CREATED_AT.plus(Duration.ofDays(3));
    private static final Instant DAY_5 = CREATED_AT.plus(Duration.ofDays(5));

    /** status, reflection end (null: none), now, expected: UNCHANGED, REVOKE, REVOKE_AND_REFUND or an error code. */
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(OrderStatus.CREATED, ENDS_AT, DAY_3, "REVOKE"),
                Arguments.of(OrderStatus.WAITING, ENDS_AT, DAY_3, "REVOKE"),
                Arguments.of(OrderStatus.INCORRECT_AMOUNT, ENDS_AT, DAY_3, "REVOKE"),
                Arguments.of(OrderStatus.ACCOUNTED, ENDS_AT, DAY_3, "REVOKE_AND_REFUND"),
                Arguments.of(OrderStatus.ACCOUNTED, ENDS_AT, ENDS_AT.minusNanos(1000), "REVOKE_AND_REFUND"),
                // The period's end is not in it.
                Arguments.of(OrderStatus.ACCOUNTED, ENDS_AT, ENDS_AT, "REFLECTION_PERIOD_OVER"),
                Arguments.of(OrderStatus.ACCOUNTED, ENDS_AT, DAY_5, "REFLECTION_PERIOD_OVER"),
                Arguments.of(OrderStatus.CREATED, ENDS_AT, DAY_5, "REFLECTION_PERIOD_OVER"),
                // No period: a sophisticated investor's order, or one from before periods existed.
                Arguments.of(OrderStatus.ACCOUNTED, null, DAY_3, "NOT_REVOCABLE"),
                Arguments.of(OrderStatus.SPLITTED, null, DAY_5, "NOT_REVOCABLE"),
                // In the period but with no move in the table.
                Arguments.of(OrderStatus.SPLITTED, ENDS_AT, DAY_3, "ILLEGAL_TRANSITION"),
                Arguments.of(OrderStatus.REFUNDED, ENDS_AT, DAY_3, "ILLEGAL_TRANSITION"),
                Arguments.of(OrderStatus.CANCELLED, ENDS_AT, DAY_3, "ILLEGAL_TRANSITION"),
                Arguments.of(OrderStatus.FAILED, ENDS_AT, DAY_3, "ILLEGAL_TRANSITION"),
                Arguments.of(OrderStatus.EXPIRED, ENDS_AT, DAY_3, "ILLEGAL_TRANSITION"),
                // The period is checked before the table: a SPLITTED order after it hears the period is over.
                Arguments.of(OrderStatus.SPLITTED, ENDS_AT, DAY_5, "REFLECTION_PERIOD_OVER"),
                // Revoked already: unchanged, whenever asked.
                Arguments.of(OrderStatus.REVOKED, ENDS_AT, DAY_3, "UNCHANGED"),
                Arguments.of(OrderStatus.REVOKED, ENDS_AT, DAY_5, "UNCHANGED"));
    }

    @ParameterizedTest(name = "{0}, period ending {1}, asked at {2} -> {3}")
    @MethodSource("rows")
    void decidesAsTheTableSays(OrderStatus status, @Nullable Instant endsAt, Instant now, String expected) {
        Revocation.Decision decision = Revocation.decide(order(status, endsAt), now);

        switch (expected) {
            case "UNCHANGED" -> assertThat(decision).isInstanceOf(Revocation.Unchanged.class);
            case "REVOKE" -> assertThat(decision).isEqualTo(new Revocation.Revoke(false));
            case "REVOKE_AND_REFUND" -> assertThat(decision).isEqualTo(new Revocation.Revoke(true));
            default ->
                assertThat(decision).isInstanceOfSatisfying(Revocation.Refused.class, refused -> assertThat(
                                refused.refusal().code())
                        .isEqualTo(ErrorCode.valueOf(expected)));
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void revokesExactlyWhereTheOrderTableHasAMove(OrderStatus status) {
        Revocation.Decision decision = Revocation.decide(order(status, ENDS_AT), DAY_3);

        boolean moves = OrderTransitions.allows(status, OrderTrigger.PORTAL_REVOKED);
        assertThat(decision instanceof Revocation.Revoke).isEqualTo(moves);
    }

    private static Order order(OrderStatus status, @Nullable Instant reflectionEndsAt) {
        Order o = Domain.order(status, CREATED_AT.plus(Duration.ofDays(10)), CREATED_AT);
        return new Order(
                o.orderId(),
                o.portalId(),
                o.campaignId(),
                o.companyId(),
                o.investorId(),
                o.investorAccount(),
                o.totalAmount(),
                o.orderAmount(),
                o.feeAmount(),
                o.currency(),
                o.channel(),
                o.portalReferences(),
                o.status(),
                o.paymentWindowEndsAt(),
                o.createdAt(),
                o.updatedAt(),
                false,
                reflectionEndsAt);
    }
}
