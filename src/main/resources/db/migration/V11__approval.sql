-- Four-eyes approval of payment instructions (issue 22): who caused an instruction (the operator of a re-issue or of a
-- released IBAN; NULL for a portal call or the service itself), and who approved or rejected it, when, with what note.
-- A status AWAITING_APPROVAL needs no change: status is text.
ALTER TABLE payment_instruction
    ADD COLUMN caused_by     text,
    ADD COLUMN approved_by   text,
    ADD COLUMN approved_at   timestamptz,
    ADD COLUMN rejected_by   text,
    ADD COLUMN rejected_at   timestamptz,
    ADD COLUMN approval_note text;

-- The approvers' list (GET /api/v1/ops/instructions?status=AWAITING_APPROVAL) reads instructions by status.
CREATE INDEX instruction_status_created ON payment_instruction (status, created_at DESC);
