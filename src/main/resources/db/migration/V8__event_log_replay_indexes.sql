-- An SSE stream that resumes (Last-Event-ID) replays the event log after its id through its filter:
-- an order, a campaign, or (always, for a portal's stream) its portal and the order-status topic.
-- Without these indexes the replay walked the log from that id onwards, a million rows for one
-- order's few events. With them PostgreSQL reads only the filter's events, in seq order or sorting
-- the few it found (stream.persistence.EventLogQuery writes the queries so that it can;
-- R2dbcEventHistoryIT checks the plans on a log of 1,000,000 events). Partial: rows without the
-- column are never asked for.
--
-- Built inside the migration's transaction, so writers of events wait while it runs (seconds for a
-- million events). Not CONCURRENTLY: Flyway keeps a transaction open beside the migration, which
-- CREATE INDEX CONCURRENTLY waits for forever. For a much larger log, create the three indexes
-- CONCURRENTLY by hand before deploying (same names): IF NOT EXISTS then leaves them be.
CREATE INDEX IF NOT EXISTS event_log_order_seq ON event_log (order_id, seq) WHERE order_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS event_log_campaign_seq ON event_log (campaign_id, seq) WHERE campaign_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS event_log_portal_topic_seq ON event_log (portal_id, topic, seq) WHERE portal_id IS NOT NULL;
