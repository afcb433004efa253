package io.crowdrecon.recon.order.config;

import io.crowdrecon.recon.order.OrderExpiry;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/** Runs the payment-window expiry every minute (configurable) while the application runs. */
public class OrderExpiryLifecycle implements SmartLifecycle {

    private final OrderExpiry expiry;
    private final Duration period;
    private Disposable running;

    public OrderExpiryLifecycle(OrderExpiry expiry, Duration period) {
        this.expiry = expiry;
        this.period = period;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = expiry.every(period).subscribe();
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
