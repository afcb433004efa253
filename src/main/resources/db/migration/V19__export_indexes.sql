-- Exports (GET /exports/{kind}.csv) read the money tables in keyset pages ordered by (created_at, id), for one portal
-- or across portals: with these indexes every page of a million-row export costs the same as the first, instead of a
-- sort of the whole period per page.
CREATE INDEX moneyin_portal_created ON moneyin (portal_id, created_at, moneyin_id);
CREATE INDEX moneyin_created ON moneyin (created_at, moneyin_id);
CREATE INDEX refund_portal_created ON refund (portal_id, created_at, refund_id);
CREATE INDEX refund_created ON refund (created_at, refund_id);
CREATE INDEX moneyout_portal_created ON moneyout (portal_id, created_at, moneyout_id);
CREATE INDEX moneyout_created ON moneyout (created_at, moneyout_id);
CREATE INDEX instruction_portal_created ON payment_instruction (portal_id, created_at, instruction_id);
CREATE INDEX instruction_created ON payment_instruction (created_at, instruction_id);
CREATE INDEX unidentified_portal_received ON unidentified_transfer (portal_id, received_at, unidentified_transfer_id);
CREATE INDEX unidentified_received ON unidentified_transfer (received_at, unidentified_transfer_id);
