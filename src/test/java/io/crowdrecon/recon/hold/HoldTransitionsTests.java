package io.crowdrecon.recon.hold;

import static io.crowdrecon.recon.hold.HoldStatus.ACTIVE;
import static io.crowdrecon.recon.hold.HoldStatus.REFUSED;
import static io.crowdrecon.recon.hold.HoldStatus.RELEASED;
import static io.crowdrecon.recon.hold.HoldTrigger.REFUSE;
import static io.crowdrecon.recon.hold.HoldTrigger.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.PortalId;
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

/** Walks every (status, trigger) pair against the compliance hold table of issue 23, written out here by hand. */
class HoldTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<HoldStatus, Map<HoldTrigger, HoldStatus>> ISSUE_TABLE = issueTable();

    private static Map<HoldStatus, Map<HoldTrigger, HoldStatus>> issueTable() {
        Map<HoldStatus, Map<HoldTrigger, HoldStatus>> table = new EnumMap<>(HoldStatus.class);
        table.put(ACTIVE, Map.of(RELEASE, RELEASED, REFUSE, REFUSED));
        table.put(RELEASED, Map.of());
        table.put(REFUSED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(HoldStatus.values())
                .flatMap(from -> Arrays.stream(HoldTrigger.values()).map(trigger -> {
                    HoldStatus expected = ISSUE_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(ISSUE_TABLE).containsOnlyKeys(HoldStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(3 * 2);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheIssueTableSays(HoldStatus from, HoldTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(HoldTransitions.next(from, trigger)).isEmpty();
            assertThat(HoldTransitions.row(trigger).from()).doesNotContain(from);
            assertThatThrownBy(() -> HoldTransitions.row(hold(from), trigger))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        } else {
            assertThat(HoldTransitions.next(from, trigger)).contains(HoldStatus.valueOf(expected));
            assertThat(HoldTransitions.row(hold(from), trigger).to()).isEqualTo(HoldStatus.valueOf(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(HoldStatus.class)
    void neverMovesAHoldToTheStatusItIsIn(HoldStatus from) {
        for (HoldTrigger trigger : HoldTrigger.values()) {
            assertThat(HoldTransitions.next(from, trigger)).isNotEqualTo(Optional.of(from));
        }
    }

    @Test
    void anEndedHoldSaysWhoEndedItAndWhen() {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");

        ComplianceHold released =
                hold(ACTIVE).ended(HoldTransitions.row(hold(ACTIVE), RELEASE), OperatorId.of("OPR1"), "Ada Rossi", at);

        assertThat(released.status()).isEqualTo(RELEASED);
        assertThat(released.endedBy()).isEqualTo(OperatorId.of("OPR1"));
        assertThat(released.endedByName()).isEqualTo("Ada Rossi");
        assertThat(released.endedAt()).isEqualTo(at);
        assertThat(released.placedByName()).isEqualTo("Bea Neri");
    }

    @Test
    void aHoldIsOnAnInvestorOrAnOrderNeverBothNorNeither() {
        assertThatThrownBy(() -> ComplianceHold.placed(
                        HoldId.of("HLD1"),
                        PortalId.of("PRT1"),
                        null,
                        null,
                        "AML",
                        OperatorId.of("OPR2"),
                        "Bea Neri",
                        Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ComplianceHold hold(HoldStatus status) {
        ComplianceHold placed = ComplianceHold.placed(
                HoldId.of("HLD1"),
                PortalId.of("PRT1"),
                InvestorId.of("INV1"),
                null,
                "AML review",
                OperatorId.of("OPR2"),
                "Bea Neri",
                Instant.EPOCH);
        return status == ACTIVE
                ? placed
                : placed.ended(
                        HoldTransitions.row(status == RELEASED ? RELEASE : REFUSE),
                        OperatorId.of("OPR2"),
                        "Bea Neri",
                        Instant.EPOCH);
    }
}
