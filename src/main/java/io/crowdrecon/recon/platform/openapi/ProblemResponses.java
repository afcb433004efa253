package io.crowdrecon.recon.platform.openapi;

import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.platform.web.Problems;
import io.crowdrecon.recon.platform.web.RequestSizeLimitFilter;
import io.crowdrecon.recon.shared.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which problems an operation can answer: those every operation of its kind can give (a key, the
 * Accept header, a body, parameters, a path id, an Idempotency-Key, the limits) and the business
 * refusals its handler declares with {@link ApiErrors}. Grouped by HTTP status, each status is one
 * {@code application/problem+json} response naming its codes, with an example of each.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String CODES_EXTENSION = "x-problem-codes";
    static final String CARD_WEBHOOK = "/api/v1/webhooks/card";
    /** Raw bank files, not JSON; the same file again is a no-op by its content, without an Idempotency-Key. */
    static final String BANK_FILES = RequestSizeLimitFilter.BANK_FILES_PATH;

    private ProblemResponses() {}

    /** The codes an operation can answer; {@code declared} are its handler's {@link ApiErrors}. */
    static Set<ErrorCode> codesOf(
            String path, PathItem.HttpMethod method, Operation operation, Set<ErrorCode> declared) {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        codes.addAll(declared);
        boolean signed = path.equals(CARD_WEBHOOK);
        codes.add(ErrorCode.UNAUTHORIZED);
        if (!signed) {
            codes.add(ErrorCode.FORBIDDEN);
            codes.add(ErrorCode.RATE_LIMITED);
        }
        // Any request can be malformed HTTP, or carry a malformed Idempotency-Key.
        codes.add(ErrorCode.MALFORMED_REQUEST);
        codes.add(ErrorCode.INVALID_PARAMETER);
        codes.add(ErrorCode.NOT_ACCEPTABLE);
        codes.add(ErrorCode.URI_TOO_LONG);
        codes.add(ErrorCode.HEADERS_TOO_LARGE);
        codes.add(ErrorCode.SERVICE_UNAVAILABLE);
        if (operation.getRequestBody() != null) {
            if (!path.equals(BANK_FILES)) {
                codes.add(ErrorCode.MALFORMED_JSON);
                codes.add(ErrorCode.VALIDATION_FAILED);
            }
            codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
            codes.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        List<io.swagger.v3.oas.models.parameters.Parameter> parameters =
                operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            codes.add(ErrorCode.NOT_FOUND);
        }
        if (takesIdempotencyKey(path, method)) {
            codes.add(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS);
            codes.add(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        return codes;
    }

    /** Adds one problem response per HTTP status to {@code responses}. */
    static void addTo(ApiResponses responses, Set<ErrorCode> codes) {
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>(codes.stream()
                .collect(Collectors.groupingBy(
                        code -> Problems.status(code).value(), Collectors.toCollection(ArrayList::new))));
        byStatus.forEach((status, ofStatus) -> {
            MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA));
            Map<String, Example> examples = new LinkedHashMap<>();
            for (ErrorCode code : ofStatus) {
                examples.put(code.name(), new Example().$ref("#/components/examples/" + code.name()));
            }
            media.setExamples(examples);
            String names = ofStatus.stream().map(Enum::name).collect(Collectors.joining(", "));
            ApiResponse response = new ApiResponse()
                    .description(Problems.status(ofStatus.get(0)).getReasonPhrase() + ": " + names)
                    .content(new Content().addMediaType(Problems.PROBLEM_JSON.toString(), media));
            if (status == 429 || status == 503) {
                response.addHeaderObject(
                        "Retry-After",
                        new io.swagger.v3.oas.models.headers.Header()
                                .description("Seconds to wait before retrying")
                                .schema(OpenApiSchemas.integer()));
            }
            responses.addApiResponse(String.valueOf(status), response);
        });
    }

    /** Whether an operation takes the {@link IdempotentRequests#HEADER}: every POST but a bank file's does. */
    static boolean takesIdempotencyKey(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.POST && !path.equals(BANK_FILES);
    }
}
