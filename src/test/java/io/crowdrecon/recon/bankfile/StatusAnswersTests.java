package io.crowdrecon.recon.bankfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.bankfile.BankFileItem.StatusReason;
import io.crowdrecon.recon.bankfile.StatusAnswers.Accepted;
import io.crowdrecon.recon.bankfile.StatusAnswers.Answer;
import io.crowdrecon.recon.bankfile.StatusAnswers.FileOutcome;
import io.crowdrecon.recon.bankfile.StatusAnswers.Level;
import io.crowdrecon.recon.bankfile.StatusAnswers.Pending;
import io.crowdrecon.recon.bankfile.StatusAnswers.Rejected;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each pain.002 status means for an instruction, at each level of the report, and for its file. */
class StatusAnswersTests {

    @ParameterizedTest(name = "transaction {0}, block {1}, group {2}, reason {3} -> {4}")
    @CsvSource({
        // the transaction's own status wins
        "ACSC, -,    -,    -,    EXECUTED",
        "ACCP, RJCT, RJCT, -,    EXECUTED",
        "ACSP, -,    -,    -,    EXECUTED",
        "ACCC, -,    -,    -,    EXECUTED",
        "ACWC, -,    -,    -,    EXECUTED",
        "RJCT, ACSC, ACSC, AC04, FAILED AC04",
        "RJCT, -,    -,    AM04, FAILED AM04",
        "RJCT, -,    -,    -,    FAILED RJCT",
        "CANC, -,    -,    -,    FAILED CANC",
        // not final: nothing moves
        "ACTC, -,    -,    -,    PENDING",
        "RCVD, -,    -,    -,    PENDING",
        "PDNG, -,    -,    -,    PENDING",
        "ACWP, -,    -,    -,    PENDING",
        "BLCK, -,    -,    -,    PENDING",
        "XXXX, -,    -,    -,    PENDING",
        // a transfer without its own status takes its block's, then the group's
        "-,    ACSC, RJCT, -,    EXECUTED",
        "-,    -,    ACSC, -,    EXECUTED",
        "-,    -,    RJCT, MS03, FAILED MS03",
        "-,    PART, ACSC, -,    PENDING",
        "-,    -,    PART, -,    PENDING",
        "-,    -,    -,    -,    PENDING",
    })
    void readsTheFirstLevelThatStatesAStatus(
            String transaction, String block, String group, String reason, String expected) {
        List<StatusReason> reasons = reason.equals("-") ? List.of() : List.of(new StatusReason(reason, "text"));
        Answer answer = StatusAnswers.of(level(transaction, reasons), level(block, reasons), level(group, reasons));

        String read = answer instanceof Accepted
                ? "EXECUTED"
                : answer instanceof Rejected r ? "FAILED " + r.reason() : "PENDING";
        assertThat(answer).isInstanceOfAny(Accepted.class, Rejected.class, Pending.class);
        assertThat(read).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} accepted, {1} rejected -> {2}")
    @CsvSource({"3, 0, ACCEPTED", "2, 1, PARTIALLY_ACCEPTED", "0, 4, REJECTED", "0, 0, -"})
    void aFileIsWhatItsFinalAnswersSay(long accepted, long rejected, String expected) {
        assertThat(FileOutcome.of(accepted, rejected))
                .isEqualTo(expected.equals("-") ? Optional.empty() : Optional.of(FileOutcome.valueOf(expected)));
    }

    private static Level level(String status, List<StatusReason> reasons) {
        return status.equals("-") ? Level.NONE : new Level(status, reasons);
    }
}
