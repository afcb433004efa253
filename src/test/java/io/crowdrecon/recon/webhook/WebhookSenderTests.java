package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.webhook.http.WebhookSender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against real sockets on 127.0.0.1: what it sends, and what it does not do (follow a redirect, read a
 * huge answer, wait past its timeout, dial an address the policy refuses).
 */
class WebhookSenderTests {

    private static final UrlPolicy.Settings OPEN = new UrlPolicy.Settings(true, true);
    private static final UrlPolicy.Settings PRODUCTION = new UrlPolicy.Settings(false, false);

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
    private final WebhookMessage message = WebhookMessage.of(new StoredEvent(
            7,
            UUID.randomUUID().toString(),
            "recon.orders",
            "ORD0000000000000007",
            "crowdrecon.order.status-changed.v1",
            "/portals/PT23456789ABCDEFGH",
            "PT23456789ABCDEFGH",
            "ORD0000000000000007",
            "CP23456789ABCDEFGH",
            "{\"status\":\"ACCOUNTED\"}",
            Instant.parse("2026-12-07T10:15:30Z")));

    @AfterEach
    void stop() throws Exception {
        servers.forEach(server -> server.stop(0));
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void postsTheBodyWithTheHeadersAndRecordsTheStatusAndLatency() {
        List<HttpExchange> seen = new CopyOnWriteArrayList<>();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        String url = serve(exchange -> {
            seen.add(exchange);
            bodies.add(readAll(exchange));
            answer(exchange, 204, new byte[0]);
        });

        WebhookDispatcher.Sent sent = sender(OPEN, Duration.ofSeconds(5))
                .send(url, message, Map.of("webhook-id", message.id(), "webhook-timestamp", "1700000000"))
                .block(Duration.ofSeconds(10));

        assertThat(sent.answer().statusCode()).isEqualTo(204);
        assertThat(sent.answer().error()).isNull();
        assertThat(sent.latencyMs()).isBetween(0L, 5000L);
        assertThat(seen).hasSize(1);
        HttpExchange exchange = seen.get(0);
        assertThat(exchange.getRequestMethod()).isEqualTo("POST");
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/cloudevents+json");
        assertThat(exchange.getRequestHeaders().getFirst("User-Agent")).isEqualTo("crowdrecon-webhooks/1");
        assertThat(exchange.getRequestHeaders().getFirst("webhook-id")).isEqualTo(message.id());
        assertThat(exchange.getRequestHeaders().getFirst("webhook-timestamp")).isEqualTo("1700000000");
        assertThat(bodies.get(0)).isEqualTo(message.body());
    }

    @Test
    void recordsARedirectToTheMetadataAddressWithoutFollowingIt() {
        AtomicInteger requests = new AtomicInteger();
        String url = serve(exchange -> {
            requests.incrementAndGet();
            readAll(exchange);
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            answer(exchange, 302, new byte[0]);
        });

        WebhookDispatcher.Sent sent =
                sender(OPEN, Duration.ofSeconds(5)).send(url, message, Map.of()).block(Duration.ofSeconds(10));

        assertThat(sent.answer().statusCode()).isEqualTo(302);
        assertThat(requests).hasValue(1);
    }

    @Test
    void readsAt64KbOfATenMegabyteAnswerThenDropsTheConnection() {
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        String url = serve(exchange -> {
            readAll(exchange);
            exchange.getResponseHeaders().set("Retry-After", "30");
            byte[] chunk = new byte[8192];
            try {
                exchange.sendResponseHeaders(500, 10L * 1024 * 1024);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 1280; i++) {
                    out.write(chunk);
                    out.flush();
                    written.addAndGet(chunk.length);
                }
                out.close();
            } catch (IOException e) {
                // The sender hung up: what we wanted.
            } finally {
                done.countDown();
            }
        });

        WebhookDispatcher.Sent sent =
                sender(OPEN, Duration.ofSeconds(5)).send(url, message, Map.of()).block(Duration.ofSeconds(10));

        assertThat(sent.answer().statusCode()).isEqualTo(500);
        assertThat(sent.answer().retryAfter()).isEqualTo("30");
        assertThat(await(done)).isTrue();
        // The socket buffers hold some of what the server wrote, never the whole answer.
        assertThat(written.get()).isLessThan(10L * 1024 * 1024);
    }

    @Test
    void cutsAReceiverThatHangsAtTheTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        String url = serve(exchange -> {
            readAll(exchange);
            await(release);
        });
        long started = System.nanoTime();

        WebhookDispatcher.Sent sent = sender(OPEN, Duration.ofMillis(500))
                .send(url, message, Map.of())
                .block(Duration.ofSeconds(10));

        release.countDown();
        assertThat(sent.answer().statusCode()).isNull();
        assertThat(sent.answer().error()).isEqualTo("No answer within the timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusesALoopbackAddressWithoutConnectingWhenPrivateAddressesAreNotAllowed() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            WebhookSender sender = sender(PRODUCTION, Duration.ofSeconds(5));

            WebhookDispatcher.Sent byAddress = sender.send(
                            "https://127.0.0.1:" + socket.getLocalPort() + "/hook", message, Map.of())
                    .block(Duration.ofSeconds(10));
            WebhookDispatcher.Sent byName = sender.send(
                            "https://localhost:" + socket.getLocalPort() + "/hook", message, Map.of())
                    .block(Duration.ofSeconds(10));

            assertThat(byAddress.answer().statusCode()).isNull();
            assertThat(byAddress.answer().error()).contains("127.0.0.1").contains("not a public address");
            assertThat(byName.answer().statusCode()).isNull();
            assertThat(byName.answer().error()).contains("localhost").contains("not a public address");
            socket.close();
            acceptor.join(2000);
            assertThat(accepted).hasValue(0);
        }
    }

    @Test
    void reportsARefusedConnectionAsNoAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        WebhookDispatcher.Sent sent = sender(OPEN, Duration.ofSeconds(5))
                .send("http://127.0.0.1:" + port + "/hook", message, Map.of())
                .block(Duration.ofSeconds(10));

        assertThat(sent.answer().statusCode()).isNull();
        assertThat(sent.answer().error()).isNotBlank();
    }

    private WebhookSender sender(UrlPolicy.Settings policy, Duration timeout) {
        WebhookSender sender = new WebhookSender(policy, timeout, 4);
        closing.add(sender);
        return sender;
    }

    private String serve(Consumer<HttpExchange> handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try {
                    handler.accept(exchange);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(HttpExchange exchange) {
        try {
            return exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) {
        try {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
