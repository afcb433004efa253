package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.shared.ErrorCode;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses a declared body over 1 MB (1,048,576 bytes) before reading it (413). A chunked body without a length is
 * cut at the same size by the codecs' limit, set from {@link #MAX_BODY_BYTES} in {@link WebConfiguration}, with the
 * same answer.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /** Bank files are uploaded raw and streamed to disk, never decoded in memory: they may be larger. */
    public static final String BANK_FILES_PATH = "/api/v1/ops/bank-files";

    private final ObjectMapper json;

    public RequestSizeLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (BANK_FILES_PATH.equals(
                exchange.getRequest().getPath().pathWithinApplication().value())) {
            if (length > Topics.MAX_BANK_FILE_BYTES) {
                return Problems.write(
                        exchange, json, ErrorCode.PAYLOAD_TOO_LARGE, "A bank file is at most 50 MB", List.of());
            }
            return chain.filter(exchange);
        }
        if (length > MAX_BODY_BYTES) {
            return Problems.write(
                    exchange, json, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MB", List.of());
        }
        return chain.filter(exchange);
    }
}
