package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.netty.http.client.HttpClient;

/**
 * The soak's API writes, as {@link ChangeDriver} makes them (per portal in turn: create an order, mark it waiting,
 * cancel it), with each request's latency also kept per sampling window ({@link #latency}).
 */
final class SoakApiDriver extends PacedDriver {

    final SoakWindow latency = new SoakWindow();
    private final ChangeDriver api;
    private final Map<Portal, ArrayDeque<String>> created = new HashMap<>();
    private final Map<Portal, ArrayDeque<String>> waiting = new HashMap<>();

    SoakApiDriver(HttpClient http, List<Portal> portals, int inFlight) {
        super(portals, inFlight);
        this.api = new ChangeDriver(http, List.of(), 1);
        for (Portal p : portals) {
            created.put(p, new ArrayDeque<>());
            waiting.put(p, new ArrayDeque<>());
        }
    }

    @Override
    String causeName() {
        return "request answered 2xx";
    }

    @Override
    void next(Portal portal) {
        String cancel;
        String markWaiting = null;
        synchronized (portal) {
            cancel = waiting.get(portal).poll();
            if (cancel == null) {
                markWaiting = created.get(portal).poll();
            }
        }
        if (cancel != null) {
            change(portal, cancel, "cancelled", "CANCELLED", null);
        } else if (markWaiting != null) {
            change(portal, markWaiting, "waiting", "WAITING", waiting.get(portal));
        } else {
            create(portal);
        }
    }

    private void create(Portal portal) {
        long sentNanos = System.nanoTime();
        api.call(
                        HttpMethod.POST,
                        portal.key,
                        "/api/v1/orders",
                        ChangeDriver.JSON.writeValueAsString(ChangeDriver.orderBody(portal, portal.investorId)),
                        UUID.randomUUID().toString())
                .doFinally(signal -> release())
                .subscribe(
                        answer -> {
                            latency.add((System.nanoTime() - sentNanos) / 1000);
                            if (answer.status() != 201) {
                                failed("CREATED HTTP " + answer.status(), answer.body());
                                return;
                            }
                            String orderId = answer.json().get("orderId").asString();
                            succeeded(orderId, "CREATED", answer.atMicros(), sentNanos);
                            synchronized (portal) {
                                created.get(portal).add(orderId);
                            }
                        },
                        error -> failed("CREATED " + error.getClass().getSimpleName(), error.toString()));
    }

    private void change(Portal portal, String orderId, String path, String status, ArrayDeque<String> then) {
        long sentNanos = System.nanoTime();
        api.call(HttpMethod.PUT, portal.key, "/api/v1/orders/" + orderId + "/" + path, null, null)
                .doFinally(signal -> release())
                .subscribe(
                        answer -> {
                            latency.add((System.nanoTime() - sentNanos) / 1000);
                            if (answer.status() != 200) {
                                failed(status + " HTTP " + answer.status(), answer.body());
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
}
