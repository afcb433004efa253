-- Campaign finalization: cashouts, and moneyouts replaced by their executed and reversed parts
-- when an order is split.

CREATE TABLE cashout (
    cashout_id                text PRIMARY KEY,
    campaign_id               text          NOT NULL UNIQUE REFERENCES campaign,
    portal_id                 text          NOT NULL,
    company_id                text          NOT NULL,
    executed_company_amount   numeric(14,2) NOT NULL,
    executed_fee_amount       numeric(14,2) NOT NULL,
    success_fee               numeric(14,2) NOT NULL,
    amount                    numeric(14,2) NOT NULL CHECK (amount >= 0),
    fee_payout_amount         numeric(14,2) NOT NULL,
    currency                  text          NOT NULL,
    iban                      text          NOT NULL,
    instruction_id            text,                      -- none when the amount is 0
    fee_payout_instruction_id text,
    created_at                timestamptz   NOT NULL
);

-- A split moneyout stays for the record, replaced by its parts (split_of points at it).
ALTER TABLE moneyout ADD COLUMN replaced_at timestamptz;
CREATE INDEX moneyout_split_of ON moneyout (split_of);
CREATE INDEX refund_campaign ON refund (campaign_id);
CREATE INDEX moneyin_campaign ON moneyin (campaign_id);
