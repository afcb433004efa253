-- The outbox relay: one instance at a time (a lease, renewed at every step) publishes the event
-- log to Kafka in seq order and then advances the cursor. A relay that dies between publishing
-- and advancing makes its successor republish that batch: same ce_id, nothing lost.
CREATE TABLE relay_lease (
    id           int         PRIMARY KEY CHECK (id = 1),
    owner        text,
    lease_until  timestamptz NOT NULL,
    last_seq     bigint      NOT NULL
);
INSERT INTO relay_lease VALUES (1, NULL, '-infinity', 0);
