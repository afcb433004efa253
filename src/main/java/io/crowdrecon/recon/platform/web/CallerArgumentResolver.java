package io.crowdrecon.recon.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Hands the authenticated {@link Caller} to controller methods that declare a parameter of that type. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    /** The exchange attribute under which authentication leaves the {@link Caller}. */
    public static final String ATTRIBUTE = Caller.class.getName();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        return caller == null ? Mono.error(new IllegalStateException("no authenticated caller")) : Mono.just(caller);
    }
}
