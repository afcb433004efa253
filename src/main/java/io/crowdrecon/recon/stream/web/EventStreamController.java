package io.crowdrecon.recon.stream.web;

import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.stream.EventFilter;
import io.crowdrecon.recon.stream.OrderEventStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Server-Sent Events (SPEC.md section 7): {@code GET /orders/events} streams a portal's order
 * status changes, {@code GET /ops/events} every event of every portal. Ids are the global event
 * sequence; {@code Last-Event-ID} (or {@code lastEventId}) resumes after an id with nothing lost.
 */
@RestController
@Tag(name = ApiTags.EVENTS)
public class EventStreamController {

    private static final String FRAMES = "`: connected` once the subscription is live, then frames `id: <event id>`,"
            + " `event: order-status` and `data: {orderId,campaignId,status,previousStatus,reason,at}` (previousStatus"
            + " null on creation); a `: heartbeat` comment every 15 s. Reconnect with Last-Event-ID to resume after"
            + " that id with nothing lost; without it, new events only.";

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
    private static final Logger log = LoggerFactory.getLogger(EventStreamController.class);

    private final OrderEventStream stream;
    private final Duration heartbeat;
    private final SseFrames frames = new SseFrames();
    private final AtomicInteger clients = new AtomicInteger();
    private final Counter dropped;

    public EventStreamController(
            OrderEventStream stream, @Value("${recon.stream.heartbeat:15s}") Duration heartbeat, MeterRegistry meters) {
        this.stream = stream;
        this.heartbeat = heartbeat;
        Gauge.builder("recon.stream.clients", clients, AtomicInteger::get)
                .description("SSE clients this instance holds (order and ops streams)")
                .register(meters);
        this.dropped = Counter.builder("recon.stream.clients.dropped")
                .description("SSE clients dropped for falling too far behind (they resume with Last-Event-ID)")
                .register(meters);
    }

    @GetMapping(value = "/api/v1/orders/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamOrderEvents",
            summary = "Stream the portal's order status changes",
            description = "Server-Sent Events of every status change of the portal's orders, creation included.")
    @ApiResponse(
            responseCode = "200",
            description = FRAMES,
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string"),
                            examples =
                                    @ExampleObject(
                                            value = ": connected\n\nid: 42\nevent: order-status\ndata:"
                                                    + " {\"orderId\":\"TRX1234567890123428\",\"campaignId\":"
                                                    + "\"COL7Q2M9K4P8X3W6N5R\",\"status\":\"ACCOUNTED\","
                                                    + "\"previousStatus\":\"WAITING\",\"reason\":"
                                                    + "\"PAYMENT_MATCHED\",\"at\":\"2026-11-22T10:00:01Z\"}\n\n")))
    @ApiErrors(ErrorCode.EVENTS_EXPIRED)
    Mono<ResponseEntity<Flux<DataBuffer>>> orderEvents(
            Caller caller,
            @RequestHeader(value = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @RequestParam(required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String campaignId,
            @RequestParam(required = false) @Nullable String orderId) {
        return open(
                EventFilter.portal(caller.portalIdOrFail().value(), Topics.ORDER_EVENTS, campaignId, orderId),
                lastEventIdHeader,
                lastEventId);
    }

    @GetMapping(value = "/api/v1/ops/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamAllEvents",
            summary = "Stream every event of every portal",
            description = "Server-Sent Events of every event the service announces (orders, moneyouts, payment"
                    + " instructions, unidentified transfers), each frame's event: naming its kind.",
            tags = ApiTags.AUDIT)
    @ApiResponse(
            responseCode = "200",
            description = FRAMES,
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiErrors(ErrorCode.EVENTS_EXPIRED)
    Mono<ResponseEntity<Flux<DataBuffer>>> opsEvents(
            @RequestHeader(value = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @RequestParam(required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String campaignId,
            @RequestParam(required = false) @Nullable String orderId) {
        return open(EventFilter.ops(campaignId, orderId), lastEventIdHeader, lastEventId);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> open(
            EventFilter filter, @Nullable String header, @Nullable String parameter) {
        return Mono.fromCallable(() -> parseId(header != null ? header : parameter))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(id -> stream.start(id.orElse(null)))
                .map(start -> {
                    Sinks.One<Boolean> eventsEnded = Sinks.one();
                    Flux<DataBuffer> events = stream.events(filter, start)
                            .map(event -> wrap(frames.of(event)))
                            // A drop is the designed answer to a slow client, not a failure: the
                            // response ends cleanly and the client resumes with Last-Event-ID.
                            .onErrorResume(OrderEventStream.SlowClientException.class, e -> {
                                dropped.increment();
                                log.info(
                                        "Dropped a {} stream client more than {} events behind; it resumes"
                                                + " with Last-Event-ID",
                                        filter.portalId() == null ? "ops" : "portal " + filter.portalId(),
                                        OrderEventStream.MAX_BEHIND);
                                return Flux.empty();
                            })
                            .doFinally(signal -> eventsEnded.tryEmitValue(true));
                    Flux<DataBuffer> heartbeats = Flux.interval(heartbeat, heartbeat)
                            .map(tick -> wrap(SseFrames.HEARTBEAT))
                            .takeUntilOther(eventsEnded.asMono());
                    Flux<DataBuffer> body = Flux.concat(Mono.fromSupplier(() -> wrap(SseFrames.CONNECTED)), events)
                            .mergeWith(heartbeats)
                            .doOnSubscribe(subscription -> clients.incrementAndGet())
                            .doFinally(signal -> clients.decrementAndGet());
                    return ResponseEntity.ok()
                            .contentType(MediaType.TEXT_EVENT_STREAM)
                            .body(body);
                });
    }

    /** The shared frame bytes as a buffer of this response, without a copy. */
    private static DataBuffer wrap(byte[] frame) {
        return BUFFERS.wrap(frame);
    }

    private static @Nullable Long parseId(@Nullable String value) {
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
