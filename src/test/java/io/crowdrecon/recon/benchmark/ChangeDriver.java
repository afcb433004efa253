package io.crowdrecon.recon.benchmark;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real order-status changes through the public API at a paced rate, with at most {@code inFlight} requests in
 * progress: per portal, in turn, an order is created ({@code CREATED}), marked waiting ({@code WAITING}) and cancelled
 * ({@code CANCELLED}). Ticks go round-robin over the portals, so each gets the same share. Every answer is stamped
 * (wall clock, epoch microseconds) by order id and status, to measure the delay from the 2xx answer too.
 * {@link #call} is also how the benchmark onboards its portals.
 */
final class ChangeDriver extends PacedDriver {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A portal and what it needs to place and pay orders: its key, an OPEN campaign, an investor. */
    static final class Portal {
        final int index;
        final String portalId;
        final String key;
        final String collectionIban;
        final String companyId;
        final String campaignId;
        final String investorId;
        final String payerIban;
        private final ArrayDeque<String> created = new ArrayDeque<>();
        private final ArrayDeque<String> waiting = new ArrayDeque<>();

        Portal(
                int index,
                String portalId,
                String key,
                String collectionIban,
                String companyId,
                String campaignId,
                String investorId,
                String payerIban) {
            this.index = index;
            this.portalId = portalId;
            this.key = key;
            this.collectionIban = collectionIban;
            this.companyId = companyId;
            this.campaignId = campaignId;
            this.investorId = investorId;
            this.payerIban = payerIban;
        }
    }

    /** An answer: status, body, and when it was complete (epoch microseconds). */
    record Answer(int status, String body, long atMicros) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expect(int... codes) {
            for (int code : codes) {
                if (status == code) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    private final HttpClient http;

    ChangeDriver(HttpClient http, List<Portal> portals, int inFlight) {
        super(portals, inFlight);
        this.http = http;
    }

    @Override
    String causeName() {
        return "request answered 2xx";
    }

    /** The portal's next change: cancel a waiting order, else mark a created one waiting, else create one. */
    @Override
    void next(Portal portal) {
        String cancel;
        String markWaiting = null;
        synchronized (portal) {
            cancel = portal.waiting.poll();
            if (cancel == null) {
                markWaiting = portal.created.poll();
            }
        }
        if (cancel != null) {
            change(portal, cancel, "cancelled", "CANCELLED", null);
        } else if (markWaiting != null) {
            change(portal, markWaiting, "waiting", "WAITING", portal.waiting);
        } else {
            create(portal);
        }
    }

    private void create(Portal portal) {
        long sentNanos = System.nanoTime();
        call(
                        HttpMethod.POST,
                        portal.key,
                        "/api/v1/orders",
                        JSON.writeValueAsString(orderBody(portal, portal.investorId)),
                        UUID.randomUUID().toString())
                .doFinally(signal -> release())
                .subscribe(
                        answer -> {
                            if (answer.status() != 201) {
                                failed("CREATED", answer);
                                return;
                            }
                            String orderId = answer.json().get("orderId").asString();
                            succeeded(orderId, "CREATED", answer.atMicros(), sentNanos);
                            synchronized (portal) {
                                portal.created.add(orderId);
                            }
                        },
                        error -> failed("CREATED " + error.getClass().getSimpleName(), error.toString()));
    }

    private void change(Portal portal, String orderId, String path, String status, ArrayDeque<String> then) {
        long sentNanos = System.nanoTime();
        call(HttpMethod.PUT, portal.key, "/api/v1/orders/" + orderId + "/" + path, null, null)
                .doFinally(signal -> release())
                .subscribe(
                        answer -> {
                            if (answer.status() != 200) {
                                failed(status, answer);
                                return;
                            }
                            succeeded(orderId, status, answer.atMicros(), sentNanos);
                            if (then != null) {
                                synchronized (portal) {
                                    then.add(orderId);
                                }
                            }
                        },
                        error -> failed(status + " " + error.getClass().getSimpleName(), error.toString()));
    }

    private void failed(String status, Answer answer) {
        failed(status + " HTTP " + answer.status(), answer.body());
    }

    /** One request; the answer is stamped when its body is complete. */
    Mono<Answer> call(HttpMethod method, String key, String path, String jsonBody, String idempotencyKey) {
        HttpClient.RequestSender request = http.headers(h -> {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key);
                    h.set(HttpHeaderNames.ACCEPT, "application/json");
                    if (jsonBody != null) {
                        h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    }
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .request(method)
                .uri(path);
        HttpClient.ResponseReceiver<?> receiver =
                jsonBody == null ? request : request.send(ByteBufFlux.fromString(Mono.just(jsonBody)));
        return receiver.responseSingle((response, body) -> body.asString()
                .defaultIfEmpty("")
                .map(text -> new Answer(response.status().code(), text, wallMicros())));
    }

    /** A valid order of the portal's campaign for one of its investors (the benchmarks' orders). */
    static Map<String, Object> orderBody(Portal portal, String investorId) {
        Map<String, Object> account = new HashMap<>();
        account.put("iban", portal.payerIban);
        account.put("holderName", "Mario");
        account.put("holderSurname", "Rossi");
        account.put("holderBusinessName", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("investorId", investorId);
        body.put("companyId", portal.companyId);
        body.put("campaignId", portal.campaignId);
        body.put("investorAccount", account);
        body.put("totalAmount", new BigDecimal("1100"));
        body.put("orderAmount", new BigDecimal("1000"));
        body.put("feeAmount", new BigDecimal("100"));
        body.put("currency", "EUR");
        body.put("channel", "MONEY_TRANSFER");
        body.put("description", "Benchmark order");
        body.put("portalOrderCode", UUID.randomUUID().toString().substring(0, 8));
        body.put("portalOrderDatetime", "2026-11-20T12:45:12.234Z");
        body.put("portalInvestorCode", "RSSMRA81L04A859O");
        body.put("portalCompanyCode", "KZ78");
        body.put("portalCampaignCode", "CAMP56");
        // Acknowledged, so that the risk warning (issue 23) refuses no order of an investor who places many.
        body.put("riskWarningAcknowledged", true);
        return body;
    }

    /** Wall-clock time in epoch microseconds (the service stamps events from the same clock). */
    static long wallMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
