/**
 * Named operators and what they may do: an operator has a role ({@link io.crowdrecon.recon.operator.OperatorRole}),
 * the role allows kinds of ops action ({@link io.crowdrecon.recon.operator.Permissions}, a pure table walked by
 * {@code PermissionsTests}), and every ops write is recorded in the append-only ops log
 * ({@link io.crowdrecon.recon.operator.OpsJournal}), in the transaction of the write it records. The bootstrap
 * administrator ({@code RECON_OPS_API_KEY}) is no row: {@link io.crowdrecon.recon.operator.Actor#BOOTSTRAP}.
 * Guarded by {@code OperatorsIT}.
 */
@NullMarked
package io.crowdrecon.recon.operator;

import org.jspecify.annotations.NullMarked;
