package io.crowdrecon.recon.platform.web;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * HEAD on an event stream answers the stream's status and headers, and ends. Spring answers HEAD by reading the whole
 * body and dropping it, which for an endless {@code text/event-stream} never ends: the request would hang and hold a
 * subscription to the event log. Here the body of such an answer is never subscribed to, as Spring already does for
 * bodies written with flushes.
 */
public class HeadOfEventStreamsFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                MediaType type = getHeaders().getContentType();
                return type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)
                        ? Mono.empty()
                        : super.writeWith(body);
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}
