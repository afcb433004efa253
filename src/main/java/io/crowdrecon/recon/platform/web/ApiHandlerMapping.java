package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.IdPrefix;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring's request mapping, with two checks made once the handler is known and before it runs, so that a refused
 * request has changed nothing and queried nothing:
 *
 * <ul>
 *   <li>a path variable named as an id ({@link IdPrefix#named}) must have that id's shape, else 404 {@code NOT_FOUND},
 *       exactly as an id that does not exist;
 *   <li>an {@code /api/v1} endpoint that declares no media type answers JSON: an {@code Accept} header that allows
 *       neither {@code application/json} nor {@code application/problem+json} answers 406 {@code NOT_ACCEPTABLE}
 *       (Spring would only find out after the handler ran, a POST having then taken effect); the answer is
 *       {@code application/json} whichever of the two the client named.
 * </ul>
 */
public class ApiHandlerMapping extends RequestMappingHandlerMapping {

    private static final List<MediaType> ANSWERED =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    protected void handleMatch(RequestMappingInfo info, HandlerMethod handlerMethod, ServerWebExchange exchange) {
        super.handleMatch(info, handlerMethod, exchange);
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            variables.forEach((name, value) -> IdPrefix.named(name)
                    .filter(kind -> !kind.isWellFormed(value))
                    .ifPresent(kind -> {
                        throw new DomainException(ErrorCode.NOT_FOUND, "No such resource");
                    }));
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith(ApiKeyAuthenticationFilter.API_PREFIX)
                && info.getProducesCondition().isEmpty()) {
            if (!acceptsJson(exchange)) {
                throw new NotAcceptableStatusException(ANSWERED);
            }
            // Its answer is JSON whatever else the client accepts: Spring would label a resource
            // application/problem+json for a client that accepts only that.
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (headers.getContentType() == null) {
                headers.setContentType(MediaType.APPLICATION_JSON);
            }
        }
    }

    private static boolean acceptsJson(ServerWebExchange exchange) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        return accepted.isEmpty()
                || accepted.stream().anyMatch(type -> ANSWERED.stream().anyMatch(type::isCompatibleWith));
    }
}
