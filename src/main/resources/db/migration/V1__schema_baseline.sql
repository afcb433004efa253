-- crowdrecon schema: tenants, campaigns, investors, orders, idempotency and the event log.
-- Money is numeric (never float). Identifiers are the service's prefixed opaque ids.

CREATE TABLE portal (
    portal_id          text PRIMARY KEY,
    name               text        NOT NULL,
    collection_iban    text        NOT NULL,
    fee_account_iban   text        NOT NULL,
    api_key_hash       bytea       NOT NULL,          -- SHA-256 of the bearer key; the key itself is never stored
    webhook_secret     text        NOT NULL,          -- needed in clear to verify card webhook HMACs
    created_at         timestamptz NOT NULL,
    CONSTRAINT portal_collection_iban_unique UNIQUE (collection_iban),
    CONSTRAINT portal_api_key_hash_unique UNIQUE (api_key_hash)
);

CREATE TABLE company (
    company_id   text PRIMARY KEY,
    portal_id    text        NOT NULL REFERENCES portal,
    name         text        NOT NULL,
    fiscal_code  text        NOT NULL,
    iban         text        NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX company_portal ON company (portal_id);

CREATE TABLE campaign (
    campaign_id              text PRIMARY KEY,
    portal_id                text          NOT NULL REFERENCES portal,
    company_id               text          NOT NULL REFERENCES company,
    name                     text          NOT NULL,
    description              text,
    target_amount_min        numeric(14,2) NOT NULL,
    target_amount_max        numeric(14,2) NOT NULL,
    currency                 text          NOT NULL,
    expected_closing_date    date,
    success_fee_fixed        numeric(14,2) NOT NULL DEFAULT 0,
    success_fee_percentage   numeric(7,4)  NOT NULL DEFAULT 0,
    status                   text          NOT NULL,
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL
);
CREATE INDEX campaign_portal_created ON campaign (portal_id, created_at DESC, campaign_id DESC);

CREATE TABLE investor (
    investor_id    text PRIMARY KEY,
    portal_id      text        NOT NULL REFERENCES portal,
    name           text,
    surname        text,
    business_name  text,
    fiscal_code    text,
    type           text        NOT NULL,
    address        text,
    postal_code    text,
    city           text,
    country        text,
    email          text,
    phone          text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX investor_portal ON investor (portal_id);

CREATE TABLE purchase_order (
    order_id                text PRIMARY KEY,
    portal_id               text          NOT NULL REFERENCES portal,
    campaign_id             text          NOT NULL REFERENCES campaign,
    company_id              text          NOT NULL REFERENCES company,
    investor_id             text          NOT NULL REFERENCES investor,
    investor_iban           text,
    holder_name             text,
    holder_surname          text,
    holder_business_name    text,
    total_amount            numeric(14,2) NOT NULL CHECK (total_amount > 0),
    order_amount            numeric(14,2) NOT NULL CHECK (order_amount > 0),
    fee_amount              numeric(14,2) NOT NULL CHECK (fee_amount >= 0),
    currency                text          NOT NULL,
    channel                 text          NOT NULL,
    description             text,
    portal_order_code       text,
    portal_order_datetime   timestamptz,
    portal_investor_code    text,
    portal_company_code     text,
    portal_campaign_code    text,
    status                  text          NOT NULL,
    payment_window_ends_at  timestamptz   NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL,
    CONSTRAINT order_amounts_add_up CHECK (total_amount = order_amount + fee_amount)
);
CREATE INDEX order_campaign_created ON purchase_order (campaign_id, created_at DESC, order_id DESC);
CREATE INDEX order_portal ON purchase_order (portal_id);
CREATE INDEX order_payable_window ON purchase_order (payment_window_ends_at)
    WHERE status IN ('CREATED', 'WAITING', 'INCORRECT_AMOUNT');

CREATE TABLE order_status_history (
    order_id         text        NOT NULL REFERENCES purchase_order,
    position         int         NOT NULL,
    status           text        NOT NULL,
    previous_status  text,
    reason           text        NOT NULL,
    at               timestamptz NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Idempotency-Key: scoped to the caller's key (its SHA-256), kept 24 hours.
CREATE TABLE idempotent_request (
    caller_key_hash  bytea       NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     bytea       NOT NULL,
    response_status  int         NOT NULL,
    response_body    text,
    location         text,
    replayable       boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (caller_key_hash, idempotency_key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);

-- The event log: every outbound event, in commit order. `seq` comes from event_sequence, whose
-- single row every writing transaction updates as its last statement: the row lock orders the
-- commits, so a reader that sees seq N has seen every seq below N (gapless, never out of order).
-- The outbox relay publishes from here; the SSE streams replay from here.
CREATE TABLE event_sequence (
    id        int    PRIMARY KEY CHECK (id = 1),
    last_seq  bigint NOT NULL
);
INSERT INTO event_sequence VALUES (1, 0);

CREATE TABLE event_log (
    seq           bigint      PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    event_type    text        NOT NULL,
    source        text        NOT NULL,
    portal_id     text,
    order_id      text,
    campaign_id   text,
    payload       text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX event_log_created ON event_log (created_at);
