package io.crowdrecon.recon.platform.openapi;

import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.platform.web.IdempotentRequests;
import io.crowdrecon.recon.platform.web.Problems;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} is the API's contract: generated clients are built
 * from it (a test keeps {@code docs/openapi.json} equal to it and generates a Java client from that
 * copy). Controllers say what each operation does; this class adds what every operation shares: the
 * bearer key, the problem+json answers, the Idempotency-Key header, and honest nullability (a
 * property the service may write as {@code null} says so).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";

    static {
        // The authenticated caller is resolved from the key, never sent by a client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        // Statuses, types and reasons become named schemas that generated clients turn into enums.
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    OpenAPI crowdreconOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("crowdrecon API")
                        .version("v1")
                        .summary("Payment reconciliation for equity-crowdfunding portals")
                        .description(ApiDescription.TEXT)
                        .contact(new Contact().name("crowdrecon maintainers"))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server()
                        .url("http://localhost:8080")
                        .description("The embedded default started by ./mvnw spring-boot:run")))
                .security(List.of(new SecurityRequirement().addList(BEARER)))
                .tags(ApiTags.all())
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A portal's API key (crk_…) on portal endpoints, the ops key on"
                                                + " /api/v1/ops endpoints: Authorization: Bearer <key>")));
    }

    /** Records each handler's {@link ApiErrors} on its operation, for {@link #contract()} to list. */
    @Bean
    OperationCustomizer declaredProblems() {
        return (operation, handler) -> {
            ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
            if (declared != null) {
                operation.addExtension(
                        ProblemResponses.CODES_EXTENSION,
                        Arrays.stream(declared.value()).map(Enum::name).toList());
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer contract() {
        return openApi -> {
            // Added here, not on the OpenAPI bean: springdoc replaces the bean's schemas with the scanned ones.
            problemSchemas().forEach(openApi.getComponents()::addSchemas);
            Set<ErrorCode> answered = EnumSet.noneOf(ErrorCode.class);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> answered.addAll(completeOperation(path, method, operation))));
            problemExamples(answered).forEach(openApi.getComponents()::addExamples);
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            requestSchemas(openApi).forEach(name -> shapeIds(schemas.get(name)));
            schemas.values().forEach(OpenApiConfiguration::nullableUnlessRequired);
        };
    }

    /**
     * The schemas clients send in request bodies, with those they contain. The card webhook's body is
     * left out: a gateway sends whatever orderId the investor gave, and a capture for a malformed one
     * is still money to refund.
     */
    @SuppressWarnings("rawtypes")
    private static Set<String> requestSchemas(OpenAPI openApi) {
        Set<String> names = new LinkedHashSet<>();
        openApi.getPaths().forEach((path, item) -> {
            if (path.equals(ProblemResponses.CARD_WEBHOOK)) {
                return;
            }
            item.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    operation
                            .getRequestBody()
                            .getContent()
                            .values()
                            .forEach(media -> collect(
                                    media.getSchema(), openApi.getComponents().getSchemas(), names));
                }
            });
        });
        return names;
    }

    @SuppressWarnings("rawtypes")
    private static void collect(@Nullable Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        collect(schema.getItems(), schemas, names);
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties())
                    .values()
                    .forEach(property -> collect(property, schemas, names));
        }
        if (schema.getAnyOf() != null) {
            ((List<Schema>) schema.getAnyOf()).forEach(member -> collect(member, schemas, names));
        }
    }

    /** Ids in a request body get their documented shape: a pattern and an example. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void shapeIds(@Nullable Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
            String pattern = IdParameters.pattern(name);
            if (pattern == null || property.get$ref() != null) {
                return;
            }
            // A list of ids (ordersToExecute) shapes each item.
            Schema id = property.getItems() != null ? property.getItems() : property;
            id.setPattern(pattern);
            id.setExample(IdParameters.example(name));
        });
    }

    /** Adds what every operation shares; answers the codes the operation can answer. */
    private static Set<ErrorCode> completeOperation(String path, PathItem.HttpMethod method, Operation operation) {
        Set<ErrorCode> declared = EnumSet.noneOf(ErrorCode.class);
        if (operation.getExtensions() != null
                && operation.getExtensions().remove(ProblemResponses.CODES_EXTENSION) instanceof List<?> names) {
            names.forEach(name -> declared.add(ErrorCode.valueOf(name.toString())));
            if (operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                ListParameters.describe(parameter);
                String pattern = IdParameters.pattern(parameter.getName());
                if (pattern != null) {
                    // A schema of its own: springdoc shares one instance among plain string parameters.
                    parameter.setSchema(OpenApiSchemas.string().pattern(pattern));
                    parameter.setExample(IdParameters.example(parameter.getName()));
                }
            }
        }
        if (ProblemResponses.takesIdempotencyKey(path, method)) {
            operation.addParametersItem(new Parameter()
                    .in("header")
                    .name(IdempotentRequests.HEADER)
                    .required(false)
                    .description("Makes the POST safe to retry: the same key and body within 24 hours replay the"
                            + " stored answer (header Idempotent-Replayed: true); another body answers 422"
                            + " IDEMPOTENCY_KEY_REUSED. Scoped to the caller's key.")
                    .schema(OpenApiSchemas.string().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"))
                    .example("3f1c9a4e-5b7d-4c2a-9e8f-1a2b3c4d5e6f"));
        }
        if (path.equals(ProblemResponses.CARD_WEBHOOK)) {
            // Signed with the portal's webhook secret, not a bearer key.
            operation.setSecurity(new ArrayList<>());
        }
        ApiResponse created = operation.getResponses().get("201");
        if (created != null
                && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeaderObject(
                    "Location",
                    new Header().description("The created resource's URL").schema(OpenApiSchemas.string()));
        }
        Set<ErrorCode> codes = ProblemResponses.codesOf(path, method, operation, declared);
        ProblemResponses.addTo(operation.getResponses(), codes);
        return codes;
    }

    /**
     * A property that is not required may be absent or {@code null} on the wire (the service writes
     * nulls), so its schema admits null; required properties are never null.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableUnlessRequired(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        Map<String, Schema> replaced = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            if (required.contains(name)) {
                replaced.put(name, property);
            } else {
                replaced.put(name, OpenApiSchemas.nullable(property));
            }
        });
        schema.setProperties(replaced);
    }

    private static Map<String, Schema> problemSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(
                "ErrorCode",
                OpenApiSchemas.string()
                        .description("The stable code of an error; clients branch on it, never on the text.")
                        ._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList()));
        schemas.put(
                "FieldError",
                OpenApiSchemas.object()
                        .description("One invalid field of a request.")
                        .addProperty(
                                "field",
                                OpenApiSchemas.string()
                                        .description("The field's JSON path, such as investorAccount.iban")
                                        .example("investorAccount.iban"))
                        .addProperty(
                                "message",
                                OpenApiSchemas.string()
                                        .description("What is wrong with it")
                                        .example("is not a valid IBAN"))
                        .required(List.of("field", "message")));
        schemas.put(
                ProblemResponses.SCHEMA,
                OpenApiSchemas.object()
                        .description("An RFC 9457 problem document: every error of the API has this shape.")
                        .addProperty(
                                "type",
                                OpenApiSchemas.string()
                                        .format("uri")
                                        .description("urn:crowdrecon:problem: and the code in kebab case"))
                        .addProperty("title", OpenApiSchemas.string().description("The code's fixed title"))
                        .addProperty("status", OpenApiSchemas.integer().description("The HTTP status"))
                        .addProperty("detail", OpenApiSchemas.string().description("What went wrong, for a person"))
                        .addProperty("instance", OpenApiSchemas.string().description("The request's path"))
                        .addProperty("code", new Schema<>().$ref("#/components/schemas/ErrorCode"))
                        .addProperty(
                                "errors",
                                OpenApiSchemas.array(new Schema<>().$ref("#/components/schemas/FieldError"))
                                        .description("Every invalid field, on VALIDATION_FAILED"))
                        .addProperty(
                                "orders",
                                OpenApiSchemas.array(new Schema<>().$ref("#/components/schemas/ProblemOrder"))
                                        .description("The orders a finalization refusal is about, on ORDERS_ON_HOLD,"
                                                + " REFLECTION_PERIOD_OPEN and FUNDS_NOT_CLEARED"))
                        .addProperty(
                                "clearsAt",
                                OpenApiSchemas.string()
                                        .format("date-time")
                                        .description("On FUNDS_NOT_CLEARED: when the last of the orders clears"))
                        .addProperty(
                                "threshold",
                                OpenApiSchemas.number()
                                        .description("On RISK_WARNING_REQUIRED: the higher of 1000 and 5 % of the"
                                                + " declared net worth, in currency"))
                        .addProperty(
                                "investedAmount",
                                OpenApiSchemas.number()
                                        .description("On RISK_WARNING_REQUIRED and MAX_PER_INVESTOR_EXCEEDED: the"
                                                + " investor's orderAmount counted, this order included"))
                        .addProperty(
                                "limit",
                                OpenApiSchemas.number()
                                        .description("On TICKET_BELOW_MINIMUM, TICKET_ABOVE_MAXIMUM,"
                                                + " TICKET_INCREMENT_NOT_MET and MAX_PER_INVESTOR_EXCEEDED: the"
                                                + " campaign's limit broken"))
                        .addProperty(
                                "currency",
                                OpenApiSchemas.string()
                                        .description("The currency of threshold, investedAmount and" + " limit"))
                        .required(new ArrayList<>(List.of("type", "title", "status", "detail", "code"))));
        schemas.put(
                "ProblemOrder",
                OpenApiSchemas.object()
                        .description("One order a finalization refusal is about")
                        .addProperty("orderId", OpenApiSchemas.string())
                        .addProperty(
                                "reflectionPeriodEndsAt",
                                OpenApiSchemas.string()
                                        .format("date-time")
                                        .description("On REFLECTION_PERIOD_OPEN: when the investor can no longer"
                                                + " revoke it"))
                        .addProperty(
                                "clearsAt",
                                OpenApiSchemas.string()
                                        .format("date-time")
                                        .description("On FUNDS_NOT_CLEARED: when its moneyin clears"))
                        .addProperty(
                                "holdIds",
                                OpenApiSchemas.array(OpenApiSchemas.string())
                                        .description("On ORDERS_ON_HOLD: the active holds on it or its investor"))
                        .required(new ArrayList<>(List.of("orderId"))));
        return schemas;
    }

    private static Map<String, Example> problemExamples(Set<ErrorCode> codes) {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : codes) {
            List<FieldError> errors = code == ErrorCode.VALIDATION_FAILED
                    ? List.of(new FieldError("investorAccount.iban", "is not a valid IBAN"))
                    : List.of();
            String detail = code == ErrorCode.VALIDATION_FAILED ? "Invalid fields: investorAccount.iban" : code.title();
            examples.put(
                    code.name(),
                    new Example().summary(code.title()).value(Problems.body(code, detail, errors, "/api/v1/orders")));
        }
        return examples;
    }
}
