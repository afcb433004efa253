package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.OperatorId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the append-only ops log: who did what, when, on which object, with the request's note, and how it ended.
 *
 * @param action what was done: the API operation ({@code resolveReviewItem}, {@code createOperator}, …)
 * @param objectType the kind of object acted on ({@code ReviewItem}, {@code Operator}, …)
 * @param objectId its id; null when the write failed before there was one
 * @param note the request's {@code note}, when it has one
 * @param outcome {@code OK}, or the stable error code the request was answered with
 */
public record OpsLogEntry(
        long sequence,
        Instant at,
        OperatorId operatorId,
        String operatorName,
        String action,
        String objectType,
        @Nullable String objectId,
        @Nullable String note,
        String outcome) {

    public static final String OK = "OK";
}
