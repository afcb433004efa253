-- A statement's lookup of its account's credits by booking date used credit_account_booking
-- (creditor_iban, booking_date) WHERE channel = 'BANK_TRANSFER'. While the credit table has no
-- statistics yet (a new database, before autovacuum's first ANALYZE), the planner preferred that index
-- to the unique (creditor_iban, bank_reference) one for the matcher's lookup by bank reference too,
-- and read every credit of the account per probe: a batch of 500 credits took seconds once the
-- account held 50,000 (CreditLedgerPlanIT). Indexed by booking date alone, and on every row so that
-- its predicate cannot pass for a selective one, it serves the statement's period and nothing the
-- matcher asks.
DROP INDEX credit_account_booking;
CREATE INDEX credit_booking_date ON credit (booking_date);
