package io.crowdrecon.recon.payment.moneyout;

import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.AVAILABLE;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.EXECUTED;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.HELD;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutStatus.REVERSED;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger.EXECUTE;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger.HOLD;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger.RECALL;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger.REFUND;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger.RELEASE;
import static io.crowdrecon.recon.payment.moneyout.MoneyoutTrigger.REVERSE_HELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every (status, trigger) pair against the moneyout table of SPEC sections 4 and 6, written out here by hand. */
class MoneyoutTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<MoneyoutStatus, Map<MoneyoutTrigger, MoneyoutStatus>> SPEC_TABLE = specTable();

    private static Map<MoneyoutStatus, Map<MoneyoutTrigger, MoneyoutStatus>> specTable() {
        Map<MoneyoutStatus, Map<MoneyoutTrigger, MoneyoutStatus>> table = new EnumMap<>(MoneyoutStatus.class);
        table.put(AVAILABLE, Map.of(EXECUTE, EXECUTED, REFUND, REVERSED, RECALL, REVERSED, HOLD, HELD));
        table.put(HELD, Map.of(RELEASE, AVAILABLE, REVERSE_HELD, REVERSED));
        table.put(EXECUTED, Map.of());
        table.put(REVERSED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(MoneyoutStatus.values())
                .flatMap(from -> Arrays.stream(MoneyoutTrigger.values()).map(trigger -> {
                    MoneyoutStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(MoneyoutStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(4 * 6);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheSpecTableSays(MoneyoutStatus from, MoneyoutTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(MoneyoutTransitions.next(from, trigger)).isEmpty();
            assertThat(MoneyoutTransitions.row(trigger).from()).doesNotContain(from);
        } else {
            assertThat(MoneyoutTransitions.next(from, trigger)).contains(MoneyoutStatus.valueOf(expected));
            assertThat(MoneyoutTransitions.row(trigger).from()).contains(from);
        }
    }

    @ParameterizedTest
    @EnumSource(MoneyoutStatus.class)
    void neverMovesAMoneyoutToTheStatusItIsIn(MoneyoutStatus from) {
        for (MoneyoutTrigger trigger : MoneyoutTrigger.values()) {
            assertThat(MoneyoutTransitions.next(from, trigger)).isNotEqualTo(Optional.of(from));
        }
    }

    @Test
    void movesAMoneyoutAlongARowStampingTheExecutedTimeOnlyWhenItExecutesIt() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");

        Moneyout executed = moneyout(AVAILABLE).moved(MoneyoutTransitions.row(EXECUTE), at);
        Moneyout held = moneyout(AVAILABLE).moved(MoneyoutTransitions.row(HOLD), at);

        assertThat(executed.status()).isEqualTo(EXECUTED);
        assertThat(executed.executedAt()).isEqualTo(at);
        assertThat(held.status()).isEqualTo(HELD);
        assertThat(held.executedAt()).isNull();
        assertThat(held).usingRecursiveComparison().ignoringFields("status").isEqualTo(moneyout(AVAILABLE));
    }

    @Test
    void refusesToMoveAMoneyoutAlongARowThatDoesNotStartFromItsStatus() {
        assertThatThrownBy(() -> moneyout(HELD).moved(MoneyoutTransitions.row(EXECUTE), Instant.EPOCH))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION))
                .hasMessage("Moneyout MO1 in HELD cannot move on EXECUTE");
    }

    private static Moneyout moneyout(MoneyoutStatus status) {
        return new Moneyout(
                new MoneyoutId("MO1"),
                OrderId.of("TRX1234567890123428"),
                new MoneyinId("MI1"),
                PortalId.of("PRT1"),
                CampaignId.of("COL1"),
                CompanyId.of("USR1"),
                MoneyoutType.COMPANY,
                status,
                new BigDecimal("100.00"),
                "EUR",
                null,
                Instant.parse("2026-11-30T10:00:00Z"),
                null);
    }
}
