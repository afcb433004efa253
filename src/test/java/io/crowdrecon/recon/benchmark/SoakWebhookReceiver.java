package io.crowdrecon.recon.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver of the soak in this JVM ({@code http://127.0.0.1:port/hooks}): it verifies each request's Standard
 * Webhooks v1 signature (base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's bytes, as
 * WebhookDeliveryIT checks it) and answers 200, or 503 while {@code down} says so. It counts, per {@code webhook-id},
 * the requests it answered 200: a 503 then a 200 is one delivery, two 200s of one id a duplicate.
 */
final class SoakWebhookReceiver implements AutoCloseable {

    final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final BooleanSupplier down;
    private volatile String secret;

    /** webhook-id → times answered 200. */
    final Map<String, AtomicLong> delivered = new ConcurrentHashMap<>();

    final AtomicLong requests = new AtomicLong();
    final AtomicLong answered503 = new AtomicLong();
    final AtomicLong badSignatures = new AtomicLong();
    /** Receipt time of every request answered 200 since the last {@link #drainWindow()}: the delivery rate. */
    final AtomicLong windowDeliveries = new AtomicLong();

    SoakWebhookReceiver(String name, BooleanSupplier down) throws IOException {
        this.name = name;
        this.down = down;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "soak-webhook-" + name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    long drainWindow() {
        return windowDeliveries.getAndSet(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (down.getAsBoolean()) {
                answered503.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (id == null || !verifies(exchange, id, body)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            delivered.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
            windowDeliveries.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** Standard Webhooks v1 (copied from WebhookDeliveryIT): any of the space-separated {@code v1,} signatures. */
    private boolean verifies(HttpExchange exchange, String id, byte[] body) {
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        String key = secret;
        if (timestamp == null || signatures == null || key == null) {
            return false;
        }
        try {
            long skew = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
            if (skew > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts.length == 2
                        && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    long duplicates() {
        return delivered.values().stream().mapToLong(n -> n.get() - 1).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
