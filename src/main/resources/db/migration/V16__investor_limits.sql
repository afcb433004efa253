-- Issue 23, items 1 and 2: investor classification and net worth, campaign ticket rules, and what an order records
-- of the investor protection it went through (risk warning acknowledged, end of its reflection period).
ALTER TABLE investor
    ADD COLUMN classification text NOT NULL DEFAULT 'NON_SOPHISTICATED',
    ADD COLUMN net_worth numeric(14,2) CHECK (net_worth >= 0);

ALTER TABLE campaign
    ADD COLUMN min_ticket numeric(14,2) CHECK (min_ticket > 0),
    ADD COLUMN max_ticket numeric(14,2) CHECK (max_ticket > 0),
    ADD COLUMN ticket_increment numeric(14,2) CHECK (ticket_increment > 0),
    ADD COLUMN max_per_investor numeric(14,2) CHECK (max_per_investor > 0);

-- Orders created before this migration have no reflection period (null): they cannot be revoked.
ALTER TABLE purchase_order
    ADD COLUMN risk_warning_acknowledged boolean NOT NULL DEFAULT false,
    ADD COLUMN reflection_ends_at timestamptz;

-- Order creation sums an investor's live orders (risk threshold, maxPerInvestor) under the investor's lock.
CREATE INDEX order_investor ON purchase_order (investor_id, campaign_id);
