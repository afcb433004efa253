package io.crowdrecon.recon.platform.openapi;

import io.crowdrecon.recon.shared.PageRequest;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;

/**
 * The parameters every list and stream shares, described once. Each gets a schema of its own:
 * springdoc shares one instance among parameters of the same type.
 */
final class ListParameters {

    private static final String EVENT_ID = "^[0-9]{1,18}$";

    private ListParameters() {}

    static void describe(Parameter parameter) {
        if (!"query".equals(parameter.getIn()) && !"header".equals(parameter.getIn())) {
            return;
        }
        switch (parameter.getName()) {
            case "page" ->
                parameter
                        .description("The page, from 0")
                        .schema(OpenApiSchemas.integer()
                                .format("int32")
                                .minimum(BigDecimal.ZERO)
                                ._default(0));
            case "size" ->
                parameter
                        .description("Items per page")
                        .schema(OpenApiSchemas.integer()
                                .format("int32")
                                .minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE))
                                ._default(PageRequest.DEFAULT_SIZE));
            case "Last-Event-ID" ->
                parameter
                        .description("Resume after this event id (the id: of the last event received)")
                        .schema(OpenApiSchemas.string().pattern(EVENT_ID));
            case "lastEventId" ->
                parameter
                        .description("Resume after this event id, for clients that cannot set Last-Event-ID")
                        .schema(OpenApiSchemas.string().pattern(EVENT_ID));
            default -> {}
        }
    }
}
