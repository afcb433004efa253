package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.ObjectMapper;

/**
 * Gives the requests that never reach the application a problem document too. Reactor Netty answers a request it
 * could not decode (a request line over its limit: 414, headers over theirs: 431, anything else malformed: 400) by
 * itself, with an empty body and no content type, and Spring answers a request target that is no URI (a stray
 * {@code %}) with an empty 400. Sits right after the HTTP codec, one instance per connection:
 *
 * <ul>
 *   <li>inbound, it turns a request target that Spring could not parse into a decoding failure, so that Reactor Netty
 *       refuses it as it refuses the others;
 *   <li>outbound, it replaces Reactor Netty's empty answer to a failed request with the same status carrying an
 *       {@code application/problem+json} body and a stable code ({@code URI_TOO_LONG}, {@code HEADERS_TOO_LARGE},
 *       {@code MALFORMED_REQUEST}). The connection still closes after it, as Reactor Netty decided.
 * </ul>
 *
 * Reactor Netty keeps its own bookkeeping (pipelined requests answered in order, the connection closed); only the
 * bytes of its answer change.
 */
final class DecodingFailureProblems extends ChannelDuplexHandler {

    static final String NAME = "crowdrecon.decodingFailureProblems";

    private static final Map<HttpResponseStatus, ErrorCode> CODES = Map.of(
            HttpResponseStatus.REQUEST_URI_TOO_LONG, ErrorCode.URI_TOO_LONG,
            HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCode.HEADERS_TOO_LARGE,
            HttpResponseStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST);

    private static final Map<ErrorCode, String> DETAILS = Map.of(
            ErrorCode.URI_TOO_LONG, "The request line (method, path and query) is longer than the server accepts",
            ErrorCode.HEADERS_TOO_LARGE, "The request headers are larger than the server accepts",
            ErrorCode.MALFORMED_REQUEST, "The request is not valid HTTP: its request line or a header cannot be read");

    private final ObjectMapper json;
    private int failedRequests;

    DecodingFailureProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isSuccess() && !isUri(request.uri())) {
                request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("not a URI")));
            }
            if (request.decoderResult().isFailure()) {
                failedRequests++;
            }
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (failedRequests > 0 && msg instanceof FullHttpResponse response && isDecodingFailureAnswer(response)) {
            failedRequests--;
            // isDecodingFailureAnswer found the status among CODES.
            ErrorCode code = Objects.requireNonNull(CODES.get(response.status()));
            FullHttpResponse problem = problem(response, code);
            response.release();
            super.write(ctx, problem, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    /** Reactor Netty's answer to a failed request: one of its statuses, nothing in it, and the connection closing. */
    private static boolean isDecodingFailureAnswer(FullHttpResponse response) {
        return CODES.containsKey(response.status())
                && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }

    private FullHttpResponse problem(FullHttpResponse empty, ErrorCode code) {
        byte[] body = json.writeValueAsString(Problems.body(code, DETAILS.get(code), List.of(), null))
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse problem =
                new DefaultFullHttpResponse(empty.protocolVersion(), empty.status(), Unpooled.wrappedBuffer(body));
        problem.headers()
                .set(empty.headers())
                .set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return problem;
    }

    /** Whether Spring can make a {@link URI} of the request target (it answers an empty 400 otherwise). */
    static boolean isUri(String target) {
        try {
            new URI(target.startsWith("/") ? "http://localhost" + target : target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
