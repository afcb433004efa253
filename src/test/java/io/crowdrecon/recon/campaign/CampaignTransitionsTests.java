package io.crowdrecon.recon.campaign;

import static io.crowdrecon.recon.campaign.CampaignStatus.CANCELLED;
import static io.crowdrecon.recon.campaign.CampaignStatus.CLOSED;
import static io.crowdrecon.recon.campaign.CampaignStatus.CREATED;
import static io.crowdrecon.recon.campaign.CampaignStatus.FINALIZED_FAIL;
import static io.crowdrecon.recon.campaign.CampaignStatus.FINALIZED_SUCCESS;
import static io.crowdrecon.recon.campaign.CampaignStatus.FINALIZING;
import static io.crowdrecon.recon.campaign.CampaignStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every (status, trigger) pair against the campaign lifecycle of SPEC section 4, written out here by hand. */
class CampaignTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<CampaignStatus, Map<CampaignTrigger, CampaignStatus>> SPEC_TABLE = specTable();

    private static Map<CampaignStatus, Map<CampaignTrigger, CampaignStatus>> specTable() {
        Map<CampaignStatus, Map<CampaignTrigger, CampaignStatus>> table = new EnumMap<>(CampaignStatus.class);
        table.put(CREATED, Map.of(CampaignTrigger.OPEN, OPEN, CampaignTrigger.CANCEL, CANCELLED));
        table.put(OPEN, Map.of(CampaignTrigger.CLOSE, CLOSED, CampaignTrigger.CANCEL, CANCELLED));
        table.put(
                CLOSED,
                Map.of(
                        CampaignTrigger.CANCEL, CANCELLED,
                        CampaignTrigger.FINALIZE_SUCCESS, FINALIZED_SUCCESS,
                        CampaignTrigger.FINALIZE_FAILURE, FINALIZED_FAIL,
                        CampaignTrigger.WAIT_FOR_CLEARING, FINALIZING));
        table.put(
                FINALIZING,
                Map.of(
                        CampaignTrigger.FUNDS_CLEARED, FINALIZED_SUCCESS,
                        CampaignTrigger.CANCEL_FINALIZATION, CLOSED,
                        CampaignTrigger.FINALIZE_FAILURE, FINALIZED_FAIL));
        table.put(FINALIZED_SUCCESS, Map.of());
        table.put(FINALIZED_FAIL, Map.of());
        table.put(CANCELLED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(CampaignStatus.values())
                .flatMap(from -> Arrays.stream(CampaignTrigger.values()).map(trigger -> {
                    CampaignStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(CampaignStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(7 * 8);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheSpecLifecycleSays(CampaignStatus from, CampaignTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(CampaignTransitions.next(from, trigger)).isEmpty();
        } else {
            assertThat(CampaignTransitions.next(from, trigger)).contains(CampaignStatus.valueOf(expected));
        }
    }

    @ParameterizedTest(name = "{0}: accepts orders {1}, final {2}")
    @CsvSource({
        "CREATED, false, false",
        "OPEN, true, false",
        "CLOSED, false, false",
        "FINALIZING, false, false",
        "FINALIZED_SUCCESS, false, true",
        "FINALIZED_FAIL, false, true",
        "CANCELLED, false, true"
    })
    void acceptsOrdersOnlyWhileOpenAndEndsOnFinalizationOrCancellation(
            CampaignStatus status, boolean acceptsOrders, boolean isFinal) {
        assertThat(status.acceptsOrders()).isEqualTo(acceptsOrders);
        assertThat(status.isFinal()).isEqualTo(isFinal);
    }

    @Test
    void letsNoTriggerLeaveAFinalStatus() {
        for (CampaignStatus status : CampaignStatus.values()) {
            if (status.isFinal()) {
                for (CampaignTrigger trigger : CampaignTrigger.values()) {
                    assertThat(CampaignTransitions.next(status, trigger)).isEmpty();
                }
            }
        }
    }
}
