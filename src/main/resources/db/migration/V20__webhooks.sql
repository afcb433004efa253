-- Webhooks (issue 24 item 1, Standard Webhooks v1): a portal's endpoints, one delivery per event and endpoint, and
-- each attempt of a delivery. Events reach the deliveries through a fan-out with its own lease and cursor over the
-- event log, so that a slow receiver never holds up the log, the Kafka relay or the SSE streams.
CREATE TABLE webhook_endpoint (
    endpoint_id            text        PRIMARY KEY,
    portal_id              text        NOT NULL REFERENCES portal,
    url                    text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    description            text        CHECK (length(description) <= 1024),
    event_types            text[]      NOT NULL CHECK (cardinality(event_types) >= 1),
    status                 text        NOT NULL CHECK (status IN ('ENABLED', 'DISABLED')),
    disabled_reason        text,
    -- whsec_ + base64: kept in clear because signing needs it; never logged and shown only when made.
    secret                 text        NOT NULL,
    -- After a rotation the previous secret also signs for 24 h, so receivers can switch without losing a message.
    previous_secret        text,
    previous_secret_until  timestamptz,
    -- The endpoint receives the events after this seq of the event log: those appended once it was registered.
    from_seq               bigint      NOT NULL,
    -- When the endpoint's deliveries started failing without a success since; null while it answers.
    failing_since          timestamptz,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT webhook_endpoint_previous CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL))
);
CREATE INDEX webhook_endpoint_portal ON webhook_endpoint (portal_id, created_at DESC, endpoint_id DESC);

CREATE TABLE webhook_delivery (
    delivery_id       text        PRIMARY KEY,
    endpoint_id       text        NOT NULL REFERENCES webhook_endpoint ON DELETE CASCADE,
    portal_id         text        NOT NULL REFERENCES portal,
    event_seq         bigint      NOT NULL,
    event_id          uuid        NOT NULL,
    event_type        text        NOT NULL,
    -- The event's key (orderId, unidentifiedTransferId, ...): deliveries of one key go out in seq order.
    ordering_key      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempt_count     int         NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz,
    first_attempt_at  timestamptz,
    last_status_code  int,
    last_error        text,
    created_at        timestamptz NOT NULL,
    ended_at          timestamptz,
    UNIQUE (endpoint_id, event_seq),
    CONSTRAINT webhook_delivery_ended CHECK ((status = 'PENDING') = (ended_at IS NULL))
);
-- The dispatcher's queue: the pending deliveries that are due, and the head of each key's line.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_line ON webhook_delivery (endpoint_id, ordering_key, event_seq) WHERE status = 'PENDING';
-- GET .../deliveries?status=, newest first.
CREATE INDEX webhook_delivery_listed ON webhook_delivery (endpoint_id, created_at DESC, delivery_id DESC);
CREATE INDEX webhook_delivery_pending_seq ON webhook_delivery (event_seq) WHERE status = 'PENDING';

CREATE TABLE webhook_attempt (
    delivery_id   text        NOT NULL REFERENCES webhook_delivery ON DELETE CASCADE,
    attempt       int         NOT NULL,
    attempted_at  timestamptz NOT NULL,
    status_code   int,                    -- null when no answer came (refused, timed out, not allowed)
    latency_ms    int         NOT NULL,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);

-- One fan-out at a time (a lease, renewed at every step) turns the event log into deliveries, in seq order; it starts
-- after the events already in the log, which no endpoint asked for.
CREATE TABLE webhook_lease (
    id           int         PRIMARY KEY CHECK (id = 1),
    owner        text,
    lease_until  timestamptz NOT NULL,
    last_seq     bigint      NOT NULL
);
INSERT INTO webhook_lease
SELECT 1, NULL, '-infinity', coalesce((SELECT last_seq FROM event_sequence WHERE id = 1), 0);
