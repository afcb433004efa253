package io.crowdrecon.recon.order;

import java.time.Instant;

/** One step of an order's history: every transition is recorded with its time and reason. */
public record StatusChange(OrderStatus status, OrderStatus previousStatus, String reason, Instant at) {}
