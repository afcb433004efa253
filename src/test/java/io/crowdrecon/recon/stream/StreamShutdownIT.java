package io.crowdrecon.recon.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * An instance that stops with SSE clients connected ends their streams (they resume elsewhere with Last-Event-ID)
 * instead of leaving them silent until the web server's graceful shutdown gives up on them after 30 s, which made a
 * pod's shutdown take about 35 s.
 */
@ReconIntegrationTest
class StreamShutdownIT {

    @Test
    void endsItsStreamsAndStopsWithoutWaitingForThem() throws InterruptedException {
        SecondInstance instance = SecondInstance.start(Map.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(3);
        CountDownLatch ended = new CountDownLatch(3);
        List<Disposable> clients = new CopyOnWriteArrayList<>();
        try {
            WebClient client = WebClient.create("http://localhost:" + instance.port());
            for (int i = 0; i < 3; i++) {
                clients.add(client.get()
                        .uri("/api/v1/ops/events")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .retrieve()
                        // Raw bytes: the first frame is an SSE comment, which a String decoder would skip.
                        .bodyToFlux(DataBuffer.class)
                        .doOnNext(chunk -> {
                            lines.add(chunk.toString(StandardCharsets.UTF_8));
                            DataBufferUtils.release(chunk);
                            connected.countDown();
                        })
                        .subscribe(line -> {}, error -> {}, ended::countDown));
            }
            assertThat(connected.await(30, TimeUnit.SECONDS)).as("streams open").isTrue();

            long stopping = System.nanoTime();
            instance.close();
            Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

            assertThat(ended.await(5, TimeUnit.SECONDS))
                    .as("every stream ended, not cut")
                    .isTrue();
            assertThat(stopped).as("time to stop").isLessThan(Duration.ofSeconds(20));
        } finally {
            clients.forEach(Disposable::dispose);
            instance.close();
        }
    }
}
