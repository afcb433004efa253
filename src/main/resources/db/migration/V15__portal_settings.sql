-- A portal's investor-protection settings (issue 23): the reflection period of a non-sophisticated investor's order,
-- and when paid money clears (TARGET2 business days after a transfer's booking date; a period after a card capture).
-- The service writes a new portal's settings from its RECON_… defaults; portals onboarded before this migration get
-- the production defaults (four days, two business days, at once for cards), which ops may change per portal.
ALTER TABLE portal
    ADD COLUMN reflection_period_seconds    bigint NOT NULL DEFAULT 345600
        CHECK (reflection_period_seconds BETWEEN 0 AND 2592000),
    ADD COLUMN clearing_business_days       int    NOT NULL DEFAULT 2
        CHECK (clearing_business_days BETWEEN 0 AND 10),
    ADD COLUMN card_clearing_period_seconds bigint NOT NULL DEFAULT 0
        CHECK (card_clearing_period_seconds BETWEEN 0 AND 2592000);
