-- An API call's events take their seqs inside its COMMIT (issue 25).
--
-- event_sequence's row lock orders the commits (V1): the writer that holds it holds it until it commits. A writer
-- that numbered its events mid-transaction held it through the rest of its statements, each a round trip to the
-- service; under load every other writer queued behind one client's latency. Now an append of a few events stores
-- them in event_pending, and a deferred constraint trigger, run by COMMIT itself, numbers them and writes them to
-- event_log: the lock is held for that insert and the commit's WAL flush only. A large batch (bank credits, a bank
-- file's chunk) is still numbered at its append, its transaction's last write: staging it costs more than it saves.
--
-- A row of event_pending lives only inside its transaction (the trigger deletes it), hence UNLOGGED: no WAL, and
-- recovery empties the table. Batches keep their order: deferred triggers run in the order of their inserts.
CREATE UNLOGGED TABLE event_pending (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at     timestamptz NOT NULL,
    event_ids      uuid[]      NOT NULL,
    topics         text[]      NOT NULL,
    event_keys     text[]      NOT NULL,
    event_types    text[]      NOT NULL,
    sources        text[]      NOT NULL,
    portal_ids     text[]      NOT NULL,
    order_ids      text[]      NOT NULL,
    campaign_ids   text[]      NOT NULL,
    payloads       text[]      NOT NULL,
    content_types  text[]      NOT NULL,
    -- base64: one array of text binds where an array of bytea would not
    datas          text[]      NOT NULL,
    extensions     text[]      NOT NULL
);
-- Read back once and deleted: not worth compressing.
ALTER TABLE event_pending ALTER COLUMN payloads SET STORAGE EXTERNAL, ALTER COLUMN datas SET STORAGE EXTERNAL;

CREATE FUNCTION event_pending_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n int := cardinality(NEW.event_ids);
BEGIN
    WITH s AS (UPDATE event_sequence SET last_seq = last_seq + n WHERE id = 1 RETURNING last_seq)
    INSERT INTO event_log (seq, event_id, topic, event_key, event_type, source, portal_id, order_id, campaign_id,
                           payload, created_at, data_content_type, data, extensions)
    SELECT s.last_seq - n + t.ord, t.event_id, t.topic, t.event_key, t.event_type, t.source, t.portal_id,
           t.order_id, t.campaign_id, t.payload, NEW.created_at, t.data_content_type, decode(t.data, 'base64'),
           t.extensions::jsonb
      FROM s, unnest(NEW.event_ids, NEW.topics, NEW.event_keys, NEW.event_types, NEW.sources, NEW.portal_ids,
                     NEW.order_ids, NEW.campaign_ids, NEW.payloads, NEW.content_types, NEW.datas, NEW.extensions)
           WITH ORDINALITY AS t(event_id, topic, event_key, event_type, source, portal_id, order_id, campaign_id,
                                payload, data_content_type, data, extensions, ord);
    DELETE FROM event_pending WHERE id = NEW.id;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER event_pending_numbered AFTER INSERT ON event_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_pending_numbered();
