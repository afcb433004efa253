package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** RFC 9457 problem documents with the stable {@code code} of SPEC.md section 7. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    public static HttpStatus status(ErrorCode code) {
        return switch (code.category()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case URI_TOO_LONG -> HttpStatus.URI_TOO_LONG;
            case HEADERS_TOO_LARGE -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case NOT_IMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /**
     * The problem document as a map, in the order a reader expects the members; without {@code instance} when it is
     * null (a request too malformed to have a path).
     */
    public static Map<String, Object> body(
            ErrorCode code, @Nullable String detail, List<FieldError> errors, @Nullable String instance) {
        return body(code, detail, errors, instance, Map.of());
    }

    /** {@link #body} with a refusal's own members ({@code orders}, {@code threshold}) after the standard ones. */
    public static Map<String, Object> body(
            ErrorCode code,
            @Nullable String detail,
            List<FieldError> errors,
            @Nullable String instance,
            Map<String, Object> extensions) {
        HttpStatus status = status(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:crowdrecon:problem:" + code.name().toLowerCase().replace('_', '-'));
        body.put("title", code.title());
        body.put("status", status.value());
        body.put("detail", detail == null ? code.title() : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }

    /** Writes the problem straight to the response, whatever the request's Accept header says. */
    public static Mono<Void> write(
            ServerWebExchange exchange,
            ObjectMapper json,
            ErrorCode code,
            @Nullable String detail,
            List<FieldError> errors) {
        return write(exchange, json, code, detail, errors, Map.of());
    }

    /** {@link #write} with a refusal's own members. */
    public static Mono<Void> write(
            ServerWebExchange exchange,
            ObjectMapper json,
            ErrorCode code,
            @Nullable String detail,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status(code));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        if (code == ErrorCode.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        byte[] bytes = json.writeValueAsString(body(
                        code, detail, errors, exchange.getRequest().getPath().value(), extensions))
                .getBytes(StandardCharsets.UTF_8);
        // Said up front: an answer to HEAD is never written, and would otherwise go out without its length.
        headers.setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
