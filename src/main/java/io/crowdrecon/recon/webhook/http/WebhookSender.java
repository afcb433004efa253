package io.crowdrecon.recon.webhook.http;

import io.crowdrecon.recon.webhook.RetryDecision;
import io.crowdrecon.recon.webhook.UrlPolicy;
import io.crowdrecon.recon.webhook.WebhookDispatcher;
import io.crowdrecon.recon.webhook.WebhookMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * POSTs deliveries with Reactor Netty, on event loops of its own (a slow receiver never holds the server's). An
 * attempt takes at most {@code timeout} from dialling to the answer's end; redirects are never followed (a 3xx is an
 * answer like any other); at most 64 KB of an answer are read, then the connection is dropped, so a huge answer is
 * neither read nor buffered; and every address dialled passes the URL policy ({@link PolicyResolverGroup}). Neither
 * secrets nor signatures are logged: nothing here logs.
 */
public final class WebhookSender implements WebhookDispatcher.Sender, AutoCloseable {

    /** The most of an answer read. */
    public static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final LoopResources loops;
    private final ConnectionProvider connections;
    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(UrlPolicy.Settings policy, Duration timeout, int concurrency) {
        this.timeout = timeout;
        this.loops = LoopResources.create("webhooks", 1, Math.max(1, Math.min(4, concurrency / 8)), true);
        this.connections = ConnectionProvider.builder("webhooks")
                .maxConnections(Math.max(16, concurrency * 2))
                .pendingAcquireTimeout(timeout)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(connections)
                .runOn(loops)
                // Names are looked up on boundedElastic, never on the loops, and every address is checked.
                .resolver(new PolicyResolverGroup(
                        task -> Schedulers.boundedElastic().schedule(task), policy))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 10_000))
                .responseTimeout(timeout)
                .followRedirect(false)
                .compress(false)
                .keepAlive(true);
    }

    @Override
    public Mono<WebhookDispatcher.Sent> send(String url, WebhookMessage message, Map<String, String> headers) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            long[] answeredAt = {0};
            return client.headers(h -> {
                        headers.forEach(h::set);
                        h.set(HttpHeaderNames.CONTENT_TYPE, WebhookMessage.CONTENT_TYPE);
                        h.set(HttpHeaderNames.USER_AGENT, WebhookDispatcher.USER_AGENT);
                        h.set(HttpHeaderNames.CONTENT_LENGTH, message.body().length);
                    })
                    .post()
                    .uri(url)
                    .send(Mono.fromSupplier(() -> (ByteBuf) Unpooled.wrappedBuffer(message.body())))
                    .response((response, body) -> {
                        answeredAt[0] = System.nanoTime();
                        RetryDecision.Answer answer = new RetryDecision.Answer(
                                response.status().code(),
                                response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER),
                                null);
                        // Cancelling the body once 64 KB are in closes the connection instead of reading on.
                        return body.map(ByteBuf::readableBytes)
                                .scan(0L, Long::sum)
                                .takeUntil(read -> read >= MAX_ANSWER_BYTES)
                                .then(Mono.just(answer));
                    })
                    .next()
                    .timeout(timeout)
                    .map(answer -> new WebhookDispatcher.Sent(answer, millisSince(started, answeredAt[0])))
                    .onErrorResume(error -> Mono.just(new WebhookDispatcher.Sent(
                            RetryDecision.Answer.none(describe(error)), millisSince(started, 0))));
        });
    }

    private static long millisSince(long started, long answeredAt) {
        return Duration.ofNanos((answeredAt == 0 ? System.nanoTime() : answeredAt) - started)
                .toMillis();
    }

    /** What went wrong, for the attempt's {@code error}: the policy's refusal names the address. */
    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicyResolverGroup.AddressRefusedException refused) {
                return "Not allowed: " + refused.getMessage();
            }
        }
        if (error instanceof TimeoutException || error instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return "No answer within the timeout";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        connections.dispose();
        loops.dispose();
    }
}
