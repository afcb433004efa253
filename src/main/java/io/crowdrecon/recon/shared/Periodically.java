package io.crowdrecon.recon.shared;

import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Work repeated on a fixed period, one run at a time. A tick that comes while a run is still going is skipped:
 * {@code Flux.interval(...).concatMap(...)} alone fails with an overflow the first time a run outlasts the period (a
 * slow database, a broker that does not answer), and a loop subscribed without an error handler then ends
 * silently, leaving its gauge frozen or its job undone.
 */
public final class Periodically {

    private Periodically() {}

    public static <T> Flux<T> run(Duration first, Duration period, Supplier<? extends Publisher<T>> work) {
        return Flux.interval(first, period).onBackpressureDrop().concatMap(tick -> work.get());
    }
}
