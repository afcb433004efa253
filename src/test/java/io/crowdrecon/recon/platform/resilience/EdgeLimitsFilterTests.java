package io.crowdrecon.recon.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The write slots of {@link EdgeLimitsFilter}, with one slot. */
class EdgeLimitsFilterTests {

    private final EdgeLimitsFilter filter = new EdgeLimitsFilter(
            new ResilienceProperties(0, 1, Duration.ofSeconds(5)),
            JsonMapper.builder().build());

    @Test
    void refusesAWriteWhileTheOnlySlotIsHeldByAWriteNotYetAnswered() {
        Disposable unanswered = filter.filter(write(), exchange -> Mono.never()).subscribe();

        MockServerWebExchange second = write();
        filter.filter(second, answer()).block(Duration.ofSeconds(5));

        assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(second.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        unanswered.dispose();
    }

    @Test
    void freesTheSlotWhenTheAnswerIsCommittedNotWhenTheHandlerFinishesLater() {
        // The client has its answer the moment it is committed and may send its next write at once.
        Disposable answeredButNotFinished = filter.filter(
                        write(),
                        exchange -> exchange.getResponse().setComplete().then(Mono.never()))
                .subscribe();

        MockServerWebExchange next = write();
        filter.filter(next, answer()).block(Duration.ofSeconds(5));

        assertThat(next.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        answeredButNotFinished.dispose();
    }

    @Test
    void freesTheSlotOfAWriteThatEndsWithoutAnAnswer() {
        filter.filter(write(), exchange -> Mono.never()).subscribe().dispose();

        MockServerWebExchange next = write();
        filter.filter(next, answer()).block(Duration.ofSeconds(5));

        assertThat(next.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static MockServerWebExchange write() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/investors"));
    }

    private static WebFilterChain answer() {
        return exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.CREATED);
            return exchange.getResponse().setComplete();
        };
    }
}
