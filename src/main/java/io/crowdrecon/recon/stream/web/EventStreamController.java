package io.crowdrecon.recon.stream.web;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.stream.OrderEventStream;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Server-Sent Events (SPEC.md section 7): {@code GET /orders/events} streams a portal's order
 * status changes, {@code GET /ops/events} every event of every portal. Ids are the global event
 * sequence; {@code Last-Event-ID} (or {@code lastEventId}) resumes after an id with nothing lost.
 */
@RestController
public class EventStreamController {

    static final String ORDER_EVENTS = "recon.order-events";

    private final OrderEventStream stream;
    private final Duration heartbeat;

    public EventStreamController(OrderEventStream stream, @Value("${recon.stream.heartbeat:15s}") Duration heartbeat) {
        this.stream = stream;
        this.heartbeat = heartbeat;
    }

    @GetMapping(value = "/api/v1/orders/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> orderEvents(
            Caller caller,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(required = false) String lastEventId,
            @RequestParam(required = false) String campaignId,
            @RequestParam(required = false) String orderId) {
        Predicate<StoredEvent> filter = event -> ORDER_EVENTS.equals(event.topic())
                && (campaignId == null || campaignId.equals(event.campaignId()))
                && (orderId == null || orderId.equals(event.orderId()));
        return open(caller.portalId(), lastEventIdHeader, lastEventId, filter);
    }

    @GetMapping(value = "/api/v1/ops/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> opsEvents(
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(required = false) String lastEventId,
            @RequestParam(required = false) String campaignId,
            @RequestParam(required = false) String orderId) {
        Predicate<StoredEvent> filter = event -> (campaignId == null || campaignId.equals(event.campaignId()))
                && (orderId == null || orderId.equals(event.orderId()));
        return open(null, lastEventIdHeader, lastEventId, filter);
    }

    private Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> open(
            String portalId, String header, String parameter, Predicate<StoredEvent> filter) {
        return Mono.fromCallable(() -> parseId(header != null ? header : parameter))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(id -> stream.start(id.orElse(null)))
                .map(start -> {
                    Flux<ServerSentEvent<String>> events =
                            stream.events(portalId, start, filter).map(EventStreamController::sse);
                    Flux<ServerSentEvent<String>> heartbeats = Flux.interval(heartbeat, heartbeat)
                            .map(tick -> ServerSentEvent.<String>builder()
                                    .comment(" heartbeat")
                                    .build());
                    Flux<ServerSentEvent<String>> body = Flux.concat(
                                    Mono.just(ServerSentEvent.<String>builder()
                                            .comment(" connected")
                                            .build()),
                                    events)
                            .mergeWith(heartbeats);
                    return ResponseEntity.ok()
                            .contentType(MediaType.TEXT_EVENT_STREAM)
                            .body(body);
                });
    }

    private static ServerSentEvent<String> sse(StoredEvent event) {
        String name = ORDER_EVENTS.equals(event.topic()) ? "order-status" : event.type();
        return ServerSentEvent.builder(event.payload())
                .id(Long.toString(event.seq()))
                .event(name)
                .build();
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.INVALID_PARAMETER, "Last-Event-ID must be a decimal event id");
        }
    }
}
