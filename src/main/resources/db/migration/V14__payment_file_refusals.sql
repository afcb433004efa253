-- An instruction no payment file can carry (PAYMENT_FILE_REFUSED, open) is not read again at every cut-off: without
-- this, 10,000 such instructions would fill every build and nothing after them would ever leave. This index serves the
-- build's NOT EXISTS; resolving the item puts the instruction back in line.
CREATE INDEX review_item_open_payment_file_refusal ON review_item (subject_id)
    WHERE kind = 'PAYMENT_FILE_REFUSED' AND status = 'OPEN';
