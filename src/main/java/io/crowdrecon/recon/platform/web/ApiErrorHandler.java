package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of every endpoint becomes {@code application/problem+json} with a stable code:
 * business refusals, malformed or oversized bodies, unknown routes, and unexpected failures
 * (logged here with their stack trace, answered without it).
 */
@Order(-2)
public class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ObjectMapper json;

    public ApiErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Problem problem = classify(error);
        if (problem.code() == ErrorCode.INTERNAL_ERROR) {
            log.error(
                    "Unexpected error on {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error);
        } else if (problem.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            log.warn(
                    "Backing service unavailable on {} {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error.toString());
        }
        if (problem.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            exchange.getResponse().getHeaders().set("Retry-After", "5");
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            exchange.getResponse().getHeaders().setAllow(allowed(notAllowed));
        }
        return Problems.write(exchange, json, problem.code(), problem.detail(), problem.errors(), problem.extensions());
    }

    private record Problem(
            ErrorCode code, @Nullable String detail, List<FieldError> errors, Map<String, Object> extensions) {
        Problem(ErrorCode code, @Nullable String detail) {
            this(code, detail, List.of(), Map.of());
        }

        Problem(ErrorCode code, @Nullable String detail, List<FieldError> errors) {
            this(code, detail, errors, Map.of());
        }
    }

    private Problem classify(Throwable error) {
        if (error instanceof DomainException domain) {
            return new Problem(domain.code(), domain.getMessage(), domain.errors(), domain.extensions());
        }
        if (findCause(error, DataBufferLimitException.class) != null) {
            return new Problem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MB");
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return new Problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json");
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            return new Problem(
                    ErrorCode.METHOD_NOT_ALLOWED,
                    notAllowed.getHttpMethod() + " is not allowed here; this resource allows "
                            + allowed(notAllowed).stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
        }
        if (error instanceof NotAcceptableStatusException notAcceptable) {
            return new Problem(ErrorCode.NOT_ACCEPTABLE, notAcceptableDetail(notAcceptable));
        }
        if (error instanceof ServerWebInputException input) {
            return classifyInput(input);
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus httpStatus = HttpStatus.resolve(status.getStatusCode().value());
            if (httpStatus == HttpStatus.NOT_FOUND) {
                return new Problem(ErrorCode.NOT_FOUND, "No such resource");
            }
            if (httpStatus != null && httpStatus.is4xxClientError()) {
                return new Problem(ErrorCode.VALIDATION_FAILED, status.getReason());
            }
        }
        if (isInfrastructureDown(error)) {
            return new Problem(ErrorCode.SERVICE_UNAVAILABLE, "A backing service is unavailable; retry later");
        }
        return new Problem(ErrorCode.INTERNAL_ERROR, "Unexpected error");
    }

    /** The methods of the resource, HEAD wherever GET is (Spring answers HEAD for every GET). */
    private static Set<HttpMethod> allowed(MethodNotAllowedException error) {
        Set<HttpMethod> methods = new TreeSet<>(Comparator.comparing(HttpMethod::name));
        methods.addAll(error.getSupportedMethods());
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        return methods;
    }

    private static String notAcceptableDetail(NotAcceptableStatusException error) {
        List<MediaType> supported = error.getSupportedMediaTypes();
        return "This resource answers "
                + (supported.isEmpty()
                        ? MediaType.APPLICATION_JSON_VALUE
                        : supported.stream().map(MediaType::toString).collect(Collectors.joining(", ")))
                + "; the Accept header allows none of it";
    }

    private Problem classifyInput(ServerWebInputException input) {
        JacksonException jackson = findCause(input, JacksonException.class);
        if (jackson instanceof RequestJson.RejectedText rejected) {
            return new Problem(
                    ErrorCode.VALIDATION_FAILED,
                    "Invalid value for " + path(rejected),
                    List.of(new FieldError(path(rejected), rejected.reason())));
        }
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new Problem(
                    ErrorCode.VALIDATION_FAILED,
                    "Unknown field " + path(unknown),
                    List.of(new FieldError(path(unknown), "is not a known field")));
        }
        if (jackson instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return new Problem(
                    ErrorCode.VALIDATION_FAILED,
                    "Invalid value for " + path(databind),
                    List.of(new FieldError(path(databind), "has the wrong type or format")));
        }
        if (jackson instanceof StreamReadException || jackson != null) {
            return new Problem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
        if (findCause(input, DecodingException.class) != null) {
            return new Problem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
        String reason = input.getReason();
        if (reason != null && reason.contains("body is missing")) {
            return new Problem(ErrorCode.MALFORMED_JSON, "A JSON request body is required");
        }
        return new Problem(ErrorCode.INVALID_PARAMETER, reason == null ? "Invalid request" : reason);
    }

    private static String path(DatabindException error) {
        StringJoiner path = new StringJoiner(".");
        for (var reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                path.add(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.add("[" + reference.getIndex() + "]");
            }
        }
        return path.toString().replace(".[", "[");
    }

    private static boolean isInfrastructureDown(Throwable error) {
        return findCause(error, io.github.resilience4j.circuitbreaker.CallNotPermittedException.class) != null
                || findCause(error, DataAccessResourceFailureException.class) != null
                || findCause(error, TransientDataAccessException.class) != null
                || findCause(error, R2dbcTransientResourceException.class) != null
                || findCause(error, R2dbcNonTransientResourceException.class) != null
                || findCause(error, java.net.ConnectException.class) != null
                || findCause(error, java.util.concurrent.TimeoutException.class) != null;
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
