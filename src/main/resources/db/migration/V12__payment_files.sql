-- SEPA credit transfer files (pain.001) out (issue 22, docs/payment-files.md). V11 is the approval migration of
-- another branch; this one touches nothing of it.

-- One pain.001 file: one debtor account (a portal's collection account) and one requested execution date. The XML's
-- counts and sums are kept beside it for the API; the bytes themselves are in payment_file_chunk.
CREATE TABLE payment_file (
    payment_file_id text        PRIMARY KEY,
    status          text        NOT NULL
        CHECK (status IN ('CREATED', 'SENT', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED')),
    debtor_iban     text        NOT NULL,
    debtor_name     text        NOT NULL,
    execution_date  date        NOT NULL,
    pain_version    text        NOT NULL CHECK (pain_version IN ('pain.001.001.09', 'pain.001.001.03')),
    msg_id          text        NOT NULL UNIQUE,
    nb_of_txs       int         NOT NULL CHECK (nb_of_txs > 0),
    ctrl_sum        numeric     NOT NULL CHECK (ctrl_sum > 0),
    sha256          bytea       NOT NULL,
    size            bigint      NOT NULL CHECK (size > 0),
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    sent_by         text
);
CREATE INDEX payment_file_created ON payment_file (created_at DESC, payment_file_id DESC);
CREATE INDEX payment_file_status_created ON payment_file (status, created_at DESC, payment_file_id DESC);

-- Which file carries an instruction. The primary key on instruction_id is what makes an instruction part of at most
-- one file, whatever the code does: a second file claiming it fails its whole transaction.
CREATE TABLE payment_file_instruction (
    instruction_id  text NOT NULL PRIMARY KEY REFERENCES payment_instruction,
    payment_file_id text NOT NULL REFERENCES payment_file,
    position        int  NOT NULL,
    UNIQUE (payment_file_id, position)
);

-- The file's bytes, in order, 64 KB a row: written once with the file, streamed back without loading the whole file.
CREATE TABLE payment_file_chunk (
    payment_file_id text  NOT NULL REFERENCES payment_file,
    seq             int   NOT NULL,
    bytes           bytea NOT NULL,
    PRIMARY KEY (payment_file_id, seq)
);

-- A file's bytes never change once built: refused to every role short of dropping the trigger in a migration.
CREATE FUNCTION payment_file_chunk_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a payment file''s bytes never change: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER payment_file_chunk_immutable BEFORE UPDATE OR DELETE ON payment_file_chunk
    FOR EACH ROW EXECUTE FUNCTION payment_file_chunk_immutable();

-- When an instruction was announced as a payment-instruction.requested event: a bank adapter paying from events may
-- already have paid it, so no file may carry it too. Recorded by the database in the announcing transaction (the outbox
-- row's insert), whatever code wrote the event; kept when the stream's history of event_log rows is pruned.
ALTER TABLE payment_instruction ADD COLUMN announced_at timestamptz;
-- Until now every instruction that became CREATED was announced at once (the approval statuses are new with V11).
UPDATE payment_instruction SET announced_at = updated_at WHERE status NOT IN ('AWAITING_APPROVAL', 'ON_HOLD');

CREATE FUNCTION payment_instruction_announced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE payment_instruction SET announced_at = NEW.created_at
     WHERE instruction_id = NEW.payload::jsonb ->> 'instructionId' AND announced_at IS NULL;
    RETURN NEW;
END
$$;
CREATE TRIGGER payment_instruction_announced AFTER INSERT ON event_log
    FOR EACH ROW WHEN (NEW.event_type = 'crowdrecon.payment-instruction.requested.v1')
    EXECUTE FUNCTION payment_instruction_announced();

-- What is gathered at a cut-off: CREATED bank transfers never announced as events (the NOT EXISTS on
-- payment_file_instruction filters those already in a file).
CREATE INDEX instruction_created_bank_transfer ON payment_instruction (created_at, instruction_id)
    WHERE status = 'CREATED' AND channel = 'BANK_TRANSFER' AND announced_at IS NULL;

-- The pain.001 version a portal's bank takes for its collection account's files.
ALTER TABLE portal ADD COLUMN payment_file_version text NOT NULL DEFAULT 'pain.001.001.09'
    CHECK (payment_file_version IN ('pain.001.001.09', 'pain.001.001.03'));
