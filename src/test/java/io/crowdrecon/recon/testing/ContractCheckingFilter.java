package io.crowdrecon.recon.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every answer an integration test receives through its WebTestClient against the committed
 * OpenAPI document: the status must be one the operation declares, and a JSON body must validate
 * against the declared schema. A violation fails the test that received it. Streams and paths
 * outside the document are left alone.
 */
public final class ContractCheckingFilter implements ExchangeFilterFunction {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong CHECKED = new AtomicLong();

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final OpenApiContract contract = OpenApiContract.committed();

    /** How many answers were checked in this JVM: proof that the check runs. */
    public static long checked() {
        return CHECKED.get();
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String path = request.url().getRawPath();
        var template = contract.templateOf(path);
        if (template.isEmpty() || !path.startsWith("/api/v1/")) {
            return next.exchange(request);
        }
        String method = request.method().name().equals("HEAD")
                ? "GET"
                : request.method().name();
        return next.exchange(request).flatMap(response -> {
            MediaType type = response.headers().contentType().orElse(null);
            if (type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
                return Mono.just(response);
            }
            if (type != null && type.isCompatibleWith(TEXT_CSV)) {
                // An export streams (megabytes): its status and type are checked, its body is not held.
                check(template.get(), method, response, type, null, "(CSV body)");
                return Mono.just(response);
            }
            return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
                JsonNode json =
                        body.isEmpty() || type == null || !type.getSubtype().contains("json")
                                ? null
                                : JSON.readTree(body);
                check(template.get(), method, response, type, json, body);
                return response.mutate()
                        .headers(headers -> headers.remove(HttpHeaders.CONTENT_LENGTH))
                        .body(body)
                        .build();
            });
        });
    }

    private void check(
            String template, String method, ClientResponse response, MediaType type, JsonNode json, String body) {
        List<String> violations = contract.violations(
                template, method, response.statusCode().value(), type == null ? null : type.toString(), json);
        CHECKED.incrementAndGet();
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks the OpenAPI contract: " + violations + "\n" + body);
        }
    }
}
