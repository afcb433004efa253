package io.crowdrecon.recon.operator;

import static io.crowdrecon.recon.operator.OperatorRole.ADMIN;
import static io.crowdrecon.recon.operator.OperatorRole.APPROVER;
import static io.crowdrecon.recon.operator.OperatorRole.OPERATOR;
import static io.crowdrecon.recon.operator.OperatorRole.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every role against every kind of ops action, spelled out here independently of the table it checks. */
class PermissionsTests {

    /** Who may: the roles allowed each action, written out by hand from issue 22. */
    private static final Map<OpsAction, Set<OperatorRole>> EXPECTED = Map.of(
            OpsAction.READ, EnumSet.of(VIEWER, OPERATOR, APPROVER, ADMIN),
            OpsAction.RESOLVE_REVIEW_ITEMS, EnumSet.of(OPERATOR, APPROVER, ADMIN),
            OpsAction.REISSUE_INSTRUCTIONS, EnumSet.of(OPERATOR, APPROVER, ADMIN),
            OpsAction.UPLOAD_BANK_FILES, EnumSet.of(OPERATOR, APPROVER, ADMIN),
            OpsAction.TRANSMIT_PAYMENT_FILES, EnumSet.of(OPERATOR, APPROVER, ADMIN),
            OpsAction.MANAGE_HOLDS, EnumSet.of(OPERATOR, APPROVER, ADMIN),
            OpsAction.APPROVE_PAYMENTS, EnumSet.of(APPROVER, ADMIN),
            OpsAction.ONBOARD_PORTALS, EnumSet.of(ADMIN),
            OpsAction.MANAGE_OPERATORS, EnumSet.of(ADMIN));

    static Stream<Arguments> everyRoleAndAction() {
        List<Arguments> cells = new ArrayList<>();
        for (OperatorRole role : OperatorRole.values()) {
            for (OpsAction action : OpsAction.values()) {
                cells.add(Arguments.of(role, action, EXPECTED.get(action).contains(role)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @MethodSource("everyRoleAndAction")
    void allowsARoleExactlyTheActionsOfIssue22(OperatorRole role, OpsAction action, boolean allowed) {
        assertThat(Permissions.allows(role, action)).isEqualTo(allowed);
        assertThat(Permissions.of(role).contains(action)).isEqualTo(allowed);
    }

    @Test
    void theExpectationsCoverEveryAction() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(OpsAction.values());
    }

    @Test
    void anAdministratorMayDoEverythingAndAnApproverIsAnOperatorWhoAlsoApproves() {
        assertThat(Permissions.of(ADMIN)).containsExactlyInAnyOrder(OpsAction.values());
        Set<OpsAction> operatorPlusApprove = EnumSet.copyOf(Permissions.of(OPERATOR));
        operatorPlusApprove.add(OpsAction.APPROVE_PAYMENTS);
        assertThat(Permissions.of(APPROVER)).isEqualTo(operatorPlusApprove);
        assertThat(Permissions.of(VIEWER)).containsExactly(OpsAction.READ);
    }

    @Test
    void theBootstrapOperatorIsAnAdministratorWithAWellFormedIdNoGeneratorMakesByChance() {
        assertThat(Actor.BOOTSTRAP.role()).isEqualTo(ADMIN);
        assertThat(io.crowdrecon.recon.shared.IdPrefix.OPERATOR.isWellFormed(
                        Actor.BOOTSTRAP.operatorId().value()))
                .isTrue();
        // Authentication (platform.web, which may not depend on this package) spells the same operator.
        io.crowdrecon.recon.platform.web.Caller.Operator authenticated =
                io.crowdrecon.recon.platform.web.Caller.BOOTSTRAP;
        assertThat(Actor.of(authenticated.operatorId(), authenticated.name(), authenticated.role()))
                .isEqualTo(Actor.BOOTSTRAP);
    }
}
