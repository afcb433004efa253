-- The card channel: gateway notifications other than captures (captures are credits), and the
-- chargebacks ops decided to reverse.

CREATE TABLE card_event (
    notification_id  text PRIMARY KEY,
    event_code       text        NOT NULL,   -- AUTHORISATION | CAPTURE | REFUND | CHARGEBACK
    success          boolean     NOT NULL,
    order_id         text,
    amount           numeric,
    currency         text,
    psp_reference    text,
    outcome          text        NOT NULL,
    recorded_at      timestamptz NOT NULL
);

CREATE TABLE chargeback_reversal (
    order_id      text          NOT NULL REFERENCES purchase_order,
    moneyin_id    text          NOT NULL REFERENCES moneyin,
    campaign_id   text          NOT NULL,
    amount        numeric(14,2) NOT NULL,
    currency      text          NOT NULL,
    review_item_id text         NOT NULL,
    reversed_at   timestamptz   NOT NULL,
    PRIMARY KEY (moneyin_id)
);
