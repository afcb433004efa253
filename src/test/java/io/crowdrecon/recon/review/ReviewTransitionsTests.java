package io.crowdrecon.recon.review;

import static io.crowdrecon.recon.review.ReviewStatus.OPEN;
import static io.crowdrecon.recon.review.ReviewStatus.RESOLVED;
import static io.crowdrecon.recon.review.ReviewTrigger.CAUSE_FIXED;
import static io.crowdrecon.recon.review.ReviewTrigger.RESOLVED_BY_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.ReviewItemId;
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

/** Walks every (status, trigger) pair against the review item table of SPEC section 4, written out here by hand. */
class ReviewTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<ReviewStatus, Map<ReviewTrigger, ReviewStatus>> SPEC_TABLE = specTable();

    private static Map<ReviewStatus, Map<ReviewTrigger, ReviewStatus>> specTable() {
        Map<ReviewStatus, Map<ReviewTrigger, ReviewStatus>> table = new EnumMap<>(ReviewStatus.class);
        table.put(OPEN, Map.of(RESOLVED_BY_OPS, RESOLVED, CAUSE_FIXED, RESOLVED));
        table.put(RESOLVED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(ReviewStatus.values())
                .flatMap(from -> Arrays.stream(ReviewTrigger.values()).map(trigger -> {
                    ReviewStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(ReviewStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(2 * 2);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheSpecTableSays(ReviewStatus from, ReviewTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(ReviewTransitions.next(from, trigger)).isEmpty();
            assertThat(ReviewTransitions.row(trigger).from()).doesNotContain(from);
            assertThatThrownBy(() -> ReviewTransitions.row(item(from), trigger))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        } else {
            assertThat(ReviewTransitions.next(from, trigger)).contains(ReviewStatus.valueOf(expected));
            assertThat(ReviewTransitions.row(item(from), trigger).to()).isEqualTo(ReviewStatus.valueOf(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(ReviewStatus.class)
    void neverMovesAnItemToTheStatusItIsIn(ReviewStatus from) {
        for (ReviewTrigger trigger : ReviewTrigger.values()) {
            assertThat(ReviewTransitions.next(from, trigger)).isNotEqualTo(Optional.of(from));
        }
    }

    private static ReviewItem item(ReviewStatus status) {
        return new ReviewItem(
                new ReviewItemId("RI1"),
                ReviewKind.CHARGEBACK,
                status,
                PortalId.of("PRT1"),
                OrderId.of("TRX1234567890123428"),
                "N1",
                "detail",
                null,
                null,
                Instant.EPOCH,
                null);
    }
}
