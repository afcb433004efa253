package io.crowdrecon.recon.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.OperatorId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may approve a payment: caused by no operator or by X, approved by X, Y or the bootstrap admin, each role. */
class FourEyesTests {

    private static final OperatorId X = OperatorId.of("OPR" + "A".repeat(16));
    private static final OperatorId Y = OperatorId.of("OPR" + "B".repeat(16));

    @ParameterizedTest(name = "caused by {0}, approver {1} ({2}) -> {3}")
    @CsvSource({
        // A portal call or the service caused it: one approver, anyone whose role may approve.
        "-, X, VIEWER,    FORBIDDEN",
        "-, X, OPERATOR,  FORBIDDEN",
        "-, X, APPROVER,  -",
        "-, X, ADMIN,     -",
        "-, BOOTSTRAP, ADMIN, -",
        // Operator X caused it: X may never approve it, whatever X's role; another approver may.
        "X, X, VIEWER,    FORBIDDEN",
        "X, X, OPERATOR,  FORBIDDEN",
        "X, X, APPROVER,  FOUR_EYES",
        "X, X, ADMIN,     FOUR_EYES",
        "X, Y, VIEWER,    FORBIDDEN",
        "X, Y, OPERATOR,  FORBIDDEN",
        "X, Y, APPROVER,  -",
        "X, Y, ADMIN,     -",
        "X, BOOTSTRAP, ADMIN, -",
        // The bootstrap administrator is an operator like any other: not its own.
        "BOOTSTRAP, BOOTSTRAP, ADMIN, FOUR_EYES",
        "BOOTSTRAP, Y, APPROVER, -",
    })
    void refusesAnyoneButAnotherApprover(String causedBy, String approver, OperatorRole role, String expected) {
        Actor actor = new Actor(id(approver), approver, role);

        Optional<ErrorCode> refusal = FourEyes.refusal(actor, causedBy.equals("-") ? null : id(causedBy));

        assertThat(refusal.map(Enum::name).orElse("-")).isEqualTo(expected);
    }

    private static @Nullable OperatorId id(String name) {
        return switch (name) {
            case "X" -> X;
            case "Y" -> Y;
            case "BOOTSTRAP" -> Actor.BOOTSTRAP.operatorId();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
