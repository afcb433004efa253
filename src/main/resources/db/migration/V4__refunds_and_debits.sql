-- Money going back out: refunds of paid orders, and what the bank says about our instructions
-- (DEBIT notifications: executions, failures, recalls of earlier credits).

CREATE TABLE refund (
    refund_id       text PRIMARY KEY,
    order_id        text          NOT NULL REFERENCES purchase_order,
    portal_id       text          NOT NULL,
    campaign_id     text          NOT NULL,
    moneyin_id      text          NOT NULL REFERENCES moneyin,
    amount          numeric(14,2) NOT NULL CHECK (amount > 0),
    currency        text          NOT NULL,
    channel         text          NOT NULL,
    iban            text,
    psp_reference   text,
    instruction_id  text          NOT NULL,     -- the current instruction (a re-issue replaces it)
    reason          text          NOT NULL,
    created_at      timestamptz   NOT NULL
);
CREATE INDEX refund_order ON refund (order_id);

CREATE TABLE debit (
    notification_id            text PRIMARY KEY,
    instruction_id             text,
    status                     text,
    return_of_notification_id  text,
    amount                     numeric,
    currency                   text,
    booking_date               date,
    reason                     text,
    outcome                    text        NOT NULL,  -- APPLIED | ALREADY_APPLIED | RECALLED | RECALL_AFTER_PAYOUT | UNEXPECTED
    recorded_at                timestamptz NOT NULL
);
CREATE INDEX debit_recall ON debit (return_of_notification_id);

ALTER TABLE payment_instruction ADD COLUMN reissued_as text;
