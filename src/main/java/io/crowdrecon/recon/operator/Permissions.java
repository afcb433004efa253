package io.crowdrecon.recon.operator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which role may take which kind of ops action: VIEWER reads; OPERATOR also resolves review items, re-issues
 * instructions, uploads bank files, builds and sends payment files and manages compliance holds; APPROVER is an OPERATOR who also approves payments; ADMIN may do everything.
 * {@code PermissionsTests} walks every role against every action.
 */
public final class Permissions {

    private static final Set<OpsAction> OPERATOR_ACTIONS = EnumSet.of(
            OpsAction.READ,
            OpsAction.RESOLVE_REVIEW_ITEMS,
            OpsAction.REISSUE_INSTRUCTIONS,
            OpsAction.UPLOAD_BANK_FILES,
            OpsAction.TRANSMIT_PAYMENT_FILES,
            OpsAction.MANAGE_HOLDS);

    private Permissions() {}

    /** The table itself: one row per role (a switch, so that a new role does not compile without its row). */
    private static Set<OpsAction> row(OperatorRole role) {
        return switch (role) {
            case VIEWER -> EnumSet.of(OpsAction.READ);
            case OPERATOR -> OPERATOR_ACTIONS;
            case APPROVER -> union(OPERATOR_ACTIONS, OpsAction.APPROVE_PAYMENTS);
            case ADMIN -> EnumSet.allOf(OpsAction.class);
        };
    }

    private static Set<OpsAction> union(Set<OpsAction> actions, OpsAction more) {
        Set<OpsAction> union = EnumSet.copyOf(actions);
        union.add(more);
        return union;
    }

    /** Whether an operator of this role may take this kind of action. */
    public static boolean allows(OperatorRole role, OpsAction action) {
        return row(role).contains(action);
    }

    /** Every action the role allows, in declaration order (for the dashboard and the docs). */
    public static Set<OpsAction> of(OperatorRole role) {
        return EnumSet.copyOf(row(role));
    }
}
