-- Money in: every incoming credit (bank transfer or card capture) with its one outcome, the
-- moneyins and moneyouts of matched orders, unidentified transfers with their returns, payment
-- instructions and the review queue. Amounts are numeric; a credit keeps its own currency.

CREATE TABLE credit (
    notification_id          text PRIMARY KEY,
    channel                  text        NOT NULL,      -- BANK_TRANSFER | CARD
    amount                   numeric     NOT NULL CHECK (amount > 0),
    currency                 text        NOT NULL,
    creditor_iban            text,
    bank_reference           text,
    booking_date             date,
    received_at              timestamptz NOT NULL,
    payer_name               text,
    payer_iban               text,
    description              text,
    structured_reference     text,
    psp_reference            text,
    card_order_id            text,
    return_of_instruction_id text,
    portal_id                text,                      -- the credited portal, when known
    outcome                  text        NOT NULL,      -- MATCHED | UNIDENTIFIED | DUPLICATE_FEED | INSTRUCTION_RETURNED
    reason                   text,                      -- the unidentified reason
    order_id                 text,                      -- matched order, or the order the credit named
    duplicate_of             text,
    recorded_at              timestamptz NOT NULL
);
-- A bank reference is booked once per creditor account; redelivered copies are DUPLICATE_FEED.
CREATE UNIQUE INDEX credit_bank_reference_once ON credit (creditor_iban, bank_reference)
    WHERE channel = 'BANK_TRANSFER' AND outcome <> 'DUPLICATE_FEED';
CREATE INDEX credit_recorded ON credit (recorded_at);

CREATE TABLE moneyin (
    moneyin_id       text PRIMARY KEY,
    order_id         text          NOT NULL REFERENCES purchase_order,
    portal_id        text          NOT NULL,
    campaign_id      text          NOT NULL,
    notification_id  text          NOT NULL UNIQUE REFERENCES credit,
    amount           numeric(14,2) NOT NULL CHECK (amount > 0),
    currency         text          NOT NULL,
    channel          text          NOT NULL,
    payer_iban       text,
    payer_name       text,
    psp_reference    text,
    status           text          NOT NULL,          -- RECEIVED | RECALLED
    created_at       timestamptz   NOT NULL,
    recalled_at      timestamptz
);
-- One live moneyin per order: the database itself refuses a second payment of the same order.
CREATE UNIQUE INDEX moneyin_one_live_per_order ON moneyin (order_id) WHERE status <> 'RECALLED';

CREATE TABLE moneyout (
    moneyout_id   text PRIMARY KEY,
    order_id      text          NOT NULL REFERENCES purchase_order,
    moneyin_id    text          NOT NULL REFERENCES moneyin,
    portal_id     text          NOT NULL,
    campaign_id   text          NOT NULL,
    company_id    text          NOT NULL,
    type          text          NOT NULL,             -- COMPANY | FEE
    status        text          NOT NULL,             -- AVAILABLE | EXECUTED | REVERSED | HELD
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    currency      text          NOT NULL,
    split_of      text REFERENCES moneyout,
    cashout_id    text,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    executed_at   timestamptz
);
CREATE INDEX moneyout_order ON moneyout (order_id);
CREATE INDEX moneyout_campaign ON moneyout (campaign_id, status);

CREATE TABLE unidentified_transfer (
    unidentified_transfer_id  text PRIMARY KEY,
    notification_id           text        NOT NULL UNIQUE REFERENCES credit,
    portal_id                 text,                    -- null: no portal owns it (ops only)
    channel                   text        NOT NULL,
    amount                    numeric     NOT NULL CHECK (amount > 0),
    currency                  text        NOT NULL,
    description               text,
    payer_name                text,
    payer_iban                text,
    psp_reference             text,
    reason                    text        NOT NULL,
    candidate_order_id        text,
    status                    text        NOT NULL,    -- RECEIVED | RETURN_REQUESTED | RETURNED | RETURN_FAILED
    received_at               timestamptz NOT NULL,
    returned_at               timestamptz,
    created_at                timestamptz NOT NULL
);
CREATE INDEX unidentified_portal_created ON unidentified_transfer (portal_id, created_at DESC);
CREATE INDEX unidentified_created ON unidentified_transfer (created_at DESC);

CREATE TABLE payment_instruction (
    instruction_id             text PRIMARY KEY,
    type                       text        NOT NULL,   -- REFUND | TRANSFER_RETURN | CARD_REFUND | CASHOUT | FEE_PAYOUT
    channel                    text        NOT NULL,   -- BANK_TRANSFER | CARD
    status                     text        NOT NULL,   -- CREATED | EXECUTED | FAILED | ON_HOLD
    amount                     numeric     NOT NULL CHECK (amount > 0),
    currency                   text        NOT NULL,
    creditor_iban              text,
    creditor_name              text,
    psp_reference              text,
    remittance_information     text,
    portal_id                  text,
    order_id                   text,
    unidentified_transfer_id   text REFERENCES unidentified_transfer,
    campaign_id                text,
    refund_id                  text,
    cashout_id                 text,
    reissue_of                 text REFERENCES payment_instruction,
    failure_reason             text,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    executed_at                timestamptz
);
CREATE INDEX instruction_unidentified ON payment_instruction (unidentified_transfer_id);
CREATE INDEX instruction_order ON payment_instruction (order_id);

CREATE TABLE review_item (
    review_item_id  text PRIMARY KEY,
    kind            text        NOT NULL,
    status          text        NOT NULL,              -- OPEN | RESOLVED
    portal_id       text,
    order_id        text,
    subject_id      text,                              -- the notification, instruction, ... it is about
    detail          text        NOT NULL,
    dedupe_key      text UNIQUE,                       -- makes re-opening by a redelivered record a no-op
    note            text,
    created_at      timestamptz NOT NULL,
    resolved_at     timestamptz
);
CREATE INDEX review_item_status_created ON review_item (status, created_at DESC);
CREATE INDEX review_item_order ON review_item (order_id);

-- Credits that could not be decided (DLQ'd): real money, tracked by an open DLQ_CREDIT review item
-- and reported by the audit as creditsNotDecided. One row per inbound record (redelivery-safe).
CREATE TABLE undecided_credit (
    topic            text        NOT NULL,
    kafka_partition  int         NOT NULL,
    kafka_offset     bigint      NOT NULL,
    notification_id  text,
    amount           numeric,
    currency         text,
    reason           text        NOT NULL,
    review_item_id   text        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);
