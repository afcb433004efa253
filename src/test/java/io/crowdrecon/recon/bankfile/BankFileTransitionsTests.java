package io.crowdrecon.recon.bankfile;

import static io.crowdrecon.recon.bankfile.BankFileStatus.BOOKED;
import static io.crowdrecon.recon.bankfile.BankFileStatus.RECEIVED;
import static io.crowdrecon.recon.bankfile.BankFileStatus.REJECTED;
import static io.crowdrecon.recon.bankfile.BankFileTrigger.BOOK;
import static io.crowdrecon.recon.bankfile.BankFileTrigger.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.bankfile.BankFiles.BankFile;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
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

/** Walks every (status, trigger) pair against the bank file table of SPEC section 9, written out here by hand. */
class BankFileTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<BankFileStatus, Map<BankFileTrigger, BankFileStatus>> SPEC_TABLE = specTable();

    private static Map<BankFileStatus, Map<BankFileTrigger, BankFileStatus>> specTable() {
        Map<BankFileStatus, Map<BankFileTrigger, BankFileStatus>> table = new EnumMap<>(BankFileStatus.class);
        table.put(RECEIVED, Map.of(BOOK, BOOKED, REJECT, REJECTED));
        table.put(BOOKED, Map.of());
        table.put(REJECTED, Map.of());
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(BankFileStatus.values())
                .flatMap(from -> Arrays.stream(BankFileTrigger.values()).map(trigger -> {
                    BankFileStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(BankFileStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(3 * 2);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheSpecTableSays(BankFileStatus from, BankFileTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(BankFileTransitions.next(from, trigger)).isEmpty();
            assertThatThrownBy(() -> BankFileTransitions.row(file(from), trigger))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        } else {
            assertThat(BankFileTransitions.next(from, trigger)).contains(BankFileStatus.valueOf(expected));
            assertThat(BankFileTransitions.row(file(from), trigger).to()).isEqualTo(BankFileStatus.valueOf(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(BankFileStatus.class)
    void neverMovesAFileToTheStatusItIsIn(BankFileStatus from) {
        for (BankFileTrigger trigger : BankFileTrigger.values()) {
            assertThat(BankFileTransitions.next(from, trigger)).isNotEqualTo(Optional.of(from));
        }
    }

    private static BankFile file(BankFileStatus status) {
        return new BankFile(
                new BankFileId("BFL1"),
                status,
                null,
                null,
                null,
                "API",
                null,
                10,
                "00",
                null,
                0,
                0,
                Instant.EPOCH,
                null);
    }
}
