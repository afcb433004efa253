package io.crowdrecon.recon.stream.config;

import io.crowdrecon.recon.stream.EventFanOut;
import io.crowdrecon.recon.stream.OrderEventStream;
import io.crowdrecon.recon.stream.persistence.R2dbcEventHistory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    R2dbcEventHistory eventHistory(DatabaseClient database) {
        return new R2dbcEventHistory(database);
    }

    /** The thread that hands events to this instance's stream clients (daemon; disposed on shutdown). */
    @Bean(destroyMethod = "dispose")
    Scheduler eventDelivery() {
        return Schedulers.newSingle("event-delivery", true);
    }

    @Bean
    EventFanOut eventFanOut(
            R2dbcEventHistory history,
            Scheduler eventDelivery,
            @Value("${recon.stream.poll-interval:25ms}") Duration pollInterval) {
        return new EventFanOut(history, pollInterval, 1000, eventDelivery);
    }

    @Bean
    OrderEventStream orderEventStream(EventFanOut fanOut, R2dbcEventHistory history) {
        return new OrderEventStream(fanOut, history);
    }

    @Bean
    StreamLoops streamLoops(
            EventFanOut fanOut,
            R2dbcEventHistory history,
            Clock clock,
            @Value("${recon.stream.retention:7d}") Duration retention) {
        return new StreamLoops(fanOut, history, clock, retention);
    }
}
