-- A successful finalization asked to wait for its funds to clear (issue 23): the campaign is FINALIZING and its plan
-- waits here until the clearing job executes it (the row is removed) or cancels it (a recall or another change; the
-- campaign is CLOSED again). clears_at is when its last order to execute clears, as last computed.
CREATE TABLE pending_finalization (
    campaign_id   text PRIMARY KEY REFERENCES campaign,
    portal_id     text        NOT NULL,
    plan          jsonb       NOT NULL,
    requested_at  timestamptz NOT NULL,
    clears_at     timestamptz NOT NULL
);
