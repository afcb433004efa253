package io.crowdrecon.recon.payment.instruction;

import static io.crowdrecon.recon.payment.instruction.InstructionStatus.AWAITING_APPROVAL;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.CREATED;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.EXECUTED;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.FAILED;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.ON_HOLD;
import static io.crowdrecon.recon.payment.instruction.InstructionStatus.SENT;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.APPROVAL_REJECTED;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.APPROVED;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.CONFIRMED_EXECUTED;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.CONFIRMED_FAILED;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.DESTINATION_GIVEN;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.DESTINATION_GIVEN_AWAITING_APPROVAL;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.FILE_SENT;
import static io.crowdrecon.recon.payment.instruction.InstructionTrigger.RETURNED_BY_BANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.RefundId;
import io.crowdrecon.recon.testing.Domain;
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

/** Walks every (status, trigger) pair against the payment instruction table, written out here by hand. */
class InstructionTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<InstructionStatus, Map<InstructionTrigger, InstructionStatus>> SPEC_TABLE = specTable();

    private static Map<InstructionStatus, Map<InstructionTrigger, InstructionStatus>> specTable() {
        Map<InstructionStatus, Map<InstructionTrigger, InstructionStatus>> table =
                new EnumMap<>(InstructionStatus.class);
        table.put(
                CREATED,
                Map.of(
                        CONFIRMED_EXECUTED,
                        EXECUTED,
                        CONFIRMED_FAILED,
                        FAILED,
                        RETURNED_BY_BANK,
                        FAILED,
                        FILE_SENT,
                        SENT));
        // In a payment file the bank feed took (issue 22): the bank answers it as it answers a CREATED one.
        table.put(SENT, Map.of(CONFIRMED_EXECUTED, EXECUTED, CONFIRMED_FAILED, FAILED, RETURNED_BY_BANK, FAILED));
        // Taken by the bank, then the money came back (SPEC section 5, rule 2).
        table.put(EXECUTED, Map.of(RETURNED_BY_BANK, FAILED));
        // Never sent; a credit naming it still fails it.
        table.put(
                ON_HOLD,
                Map.of(
                        DESTINATION_GIVEN,
                        CREATED,
                        DESTINATION_GIVEN_AWAITING_APPROVAL,
                        AWAITING_APPROVAL,
                        RETURNED_BY_BANK,
                        FAILED));
        // Four eyes (issue 22): leaves only once approved; a rejection fails it, to re-issue; never sent, so a credit
        // naming it still fails it, as ON_HOLD.
        table.put(AWAITING_APPROVAL, Map.of(APPROVED, CREATED, APPROVAL_REJECTED, FAILED, RETURNED_BY_BANK, FAILED));
        // Stays failed: a re-issue is a new instruction.
        table.put(FAILED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(InstructionStatus.values())
                .flatMap(from -> Arrays.stream(InstructionTrigger.values()).map(trigger -> {
                    InstructionStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(InstructionStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(6 * 8);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheTableSays(InstructionStatus from, InstructionTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(InstructionTransitions.next(from, trigger)).isEmpty();
            assertThat(InstructionTransitions.row(trigger).from()).doesNotContain(from);
            assertThatThrownBy(() -> InstructionTransitions.row(instruction(from), trigger))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        } else {
            assertThat(InstructionTransitions.next(from, trigger)).contains(InstructionStatus.valueOf(expected));
            assertThat(InstructionTransitions.row(instruction(from), trigger).to())
                    .isEqualTo(InstructionStatus.valueOf(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(InstructionStatus.class)
    void neverMovesAnInstructionToTheStatusItIsIn(InstructionStatus from) {
        for (InstructionTrigger trigger : InstructionTrigger.values()) {
            assertThat(InstructionTransitions.next(from, trigger)).isNotEqualTo(Optional.of(from));
        }
    }

    private static PaymentInstruction instruction(InstructionStatus status) {
        return new PaymentInstruction(
                new InstructionId("PI1"),
                InstructionType.REFUND,
                PaymentChannel.BANK_TRANSFER,
                status,
                new BigDecimal("10.00"),
                "EUR",
                "IT60X0542811101000000123456",
                "Mario Rossi",
                null,
                "refund",
                PortalId.of("PRT1"),
                Domain.ORDER_ID,
                null,
                CampaignId.of("COL1"),
                new RefundId("MB1"),
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
