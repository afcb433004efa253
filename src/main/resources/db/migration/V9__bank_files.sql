-- Bank files (camt.052/053/054, MT940) and the reconciliation of statements with the books (issue 19).

-- One row per file received, whatever became of it. The same bytes again are the same file.
CREATE TABLE bank_file (
    bank_file_id   text PRIMARY KEY,
    sha256         bytea       NOT NULL UNIQUE,
    size_bytes     bigint      NOT NULL,
    source         text        NOT NULL,              -- API | KAFKA
    source_detail  text,                              -- the Kafka record's coordinates, or the uploading key's kind
    format         text,                              -- CAMT_052 | CAMT_053 | CAMT_054 | MT940; null when unreadable
    version        text,                              -- 001.02 … 001.08; null for MT940
    message_id     text,
    status         text        NOT NULL,              -- RECEIVED | BOOKED | REJECTED
    reason         text,                              -- why REJECTED
    statements     int         NOT NULL DEFAULT 0,
    entries        int         NOT NULL DEFAULT 0,
    received_at    timestamptz NOT NULL,
    booked_at      timestamptz
);
CREATE INDEX bank_file_received ON bank_file (received_at DESC, bank_file_id DESC);

-- One row per account statement, report or notification of a file.
CREATE TABLE bank_statement (
    bank_statement_id      text PRIMARY KEY,
    bank_file_id           text        NOT NULL REFERENCES bank_file,
    position               int         NOT NULL,      -- its place in the file, from 0
    kind                   text        NOT NULL,      -- STATEMENT | REPORT | NOTIFICATION
    account                text        NOT NULL,      -- IBAN, else the bank's other account id
    portal_id              text,                      -- the portal whose collection account it is; null: unknown account
    statement_id           text,
    message_id             text,
    sequence_number        bigint,
    legal_sequence_number  bigint,
    page_number            int,
    from_date              date,
    to_date                date,
    currency               text,
    opening_balance        numeric,
    opening_date           date,
    closing_balance        numeric,
    closing_date           date,
    entries                int         NOT NULL DEFAULT 0,
    credits_sum            numeric     NOT NULL DEFAULT 0,
    debits_sum             numeric     NOT NULL DEFAULT 0,
    matched                int         NOT NULL DEFAULT 0,
    missed                 int         NOT NULL DEFAULT 0,
    missed_sum             numeric     NOT NULL DEFAULT 0,
    not_on_statement       int         NOT NULL DEFAULT 0,
    not_on_statement_sum   numeric     NOT NULL DEFAULT 0,
    mismatched             int         NOT NULL DEFAULT 0,
    unexpected_debits      int         NOT NULL DEFAULT 0,
    unexpected_debits_sum  numeric     NOT NULL DEFAULT 0,
    expected_closing       numeric,
    difference             numeric,
    explained              numeric,
    status                 text        NOT NULL,      -- RECONCILED | BREAKS | INVALID | BOOKED (reports, notifications)
    problems               text,                      -- what made it INVALID or BREAKS, for a person
    booked_at              timestamptz NOT NULL
);
CREATE INDEX bank_statement_file ON bank_statement (bank_file_id, position);
CREATE INDEX bank_statement_account ON bank_statement (account, closing_date DESC, bank_statement_id DESC);
-- The same statement again (message id, account, sequence number, page) is the same statement.
CREATE UNIQUE INDEX bank_statement_once ON bank_statement
    (account, coalesce(message_id, ''), coalesce(statement_id, ''), coalesce(sequence_number, -1), coalesce(page_number, 0));

-- Each entry of a booked statement, and what became of it.
CREATE TABLE bank_statement_entry (
    bank_statement_id  text    NOT NULL REFERENCES bank_statement,
    entry_index        int     NOT NULL,
    transaction_index  int     NOT NULL,
    direction          text    NOT NULL,              -- CREDIT | DEBIT
    amount             numeric NOT NULL,
    currency           text    NOT NULL,
    booking_date       date,
    bank_reference     text,
    notification_id    text,                          -- the notification it corresponds to
    outcome            text    NOT NULL,              -- MATCHED | MISSED | MISMATCHED | NOTIFIED | INSTRUCTION_EXECUTED | INSTRUCTION_RETURNED | UNEXPECTED_DEBIT | NOT_BOOKED
    detail             text,
    PRIMARY KEY (bank_statement_id, entry_index, transaction_index)
);
CREATE INDEX bank_statement_entry_reference ON bank_statement_entry (bank_statement_id, bank_reference);

-- Each collection account's balance as the books expect it, from its first booked statement on.
CREATE TABLE account_balance (
    account             text PRIMARY KEY,
    bank_statement_id   text    NOT NULL REFERENCES bank_statement,
    sequence_number     bigint,
    closing_balance     numeric NOT NULL,
    closing_date        date,
    expected_closing    numeric NOT NULL,
    currency            text    NOT NULL
);

-- Where a credit came from: the JSON feed (null), a bank file, or a statement that found it missing.
ALTER TABLE credit ADD COLUMN source text;
-- A statement looks up the credits of its account and period.
CREATE INDEX credit_account_booking ON credit (creditor_iban, booking_date) WHERE channel = 'BANK_TRANSFER';

-- A statement looks up the portal's instructions executed in its period, and their bank debits.
CREATE INDEX instruction_portal_executed ON payment_instruction (portal_id)
    WHERE status = 'EXECUTED' AND channel = 'BANK_TRANSFER';
CREATE INDEX debit_instruction ON debit (instruction_id) WHERE status = 'EXECUTED';
