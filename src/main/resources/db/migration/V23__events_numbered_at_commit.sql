-- An API call's events take their seqs inside its COMMIT (issue 25).
--
-- event_sequence's row lock orders the commits (V1): the writer that holds it holds it until it commits. A writer
-- that numbered its events mid-transaction held it through the rest of its statements, each a round trip to the
-- service; under load every other writer queued behind one client's latency. Now an append of a few events stores
-- them in event_pending, and a deferred constraint trigger, run by COMMIT itself, numbers them and writes them to
-- event_log: the lock is held for that insert and the commit's WAL flush only. A large batch (bank credits, a bank
-- file's chunk) is still numbered at its append, its transaction's last write: staging it costs more than it saves.
--
-- A row of event_pending lives only inside its transaction (numbered, then deleted), hence UNLOGGED: no WAL, and
-- recovery empties the table. A transaction's batches keep their order, staged or not: a large batch first numbers
-- the ones staged before it.
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
-- Empty between commits: a vacuum shrinking the file would lock the writers out while it does.
ALTER TABLE event_pending SET (vacuum_truncate = false);

-- Numbers a batch and writes it to event_log. The counter's row stays locked until the transaction commits.
CREATE FUNCTION event_log_number(p_created_at timestamptz, p_event_ids uuid[], p_topics text[], p_keys text[],
                                 p_types text[], p_sources text[], p_portal_ids text[], p_order_ids text[],
                                 p_campaign_ids text[], p_payloads text[], p_content_types text[], p_datas text[],
                                 p_extensions text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    n int := cardinality(p_event_ids);
BEGIN
    WITH s AS (UPDATE event_sequence SET last_seq = last_seq + n WHERE id = 1 RETURNING last_seq)
    INSERT INTO event_log (seq, event_id, topic, event_key, event_type, source, portal_id, order_id, campaign_id,
                           payload, created_at, data_content_type, data, extensions)
    SELECT s.last_seq - n + t.ord, t.event_id, t.topic, t.event_key, t.event_type, t.source, t.portal_id,
           t.order_id, t.campaign_id, t.payload, p_created_at, t.data_content_type, decode(t.data, 'base64'),
           t.extensions::jsonb
      FROM s, unnest(p_event_ids, p_topics, p_keys, p_types, p_sources, p_portal_ids, p_order_ids, p_campaign_ids,
                     p_payloads, p_content_types, p_datas, p_extensions)
           WITH ORDINALITY AS t(event_id, topic, event_key, event_type, source, portal_id, order_id, campaign_id,
                                payload, data_content_type, data, extensions, ord);
END
$$;

-- Numbers this transaction's staged batches, in the order they were appended. Only its own rows are visible here:
-- the other transactions' are uncommitted, and every committed one was deleted before its commit.
CREATE FUNCTION event_pending_flush() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    p event_pending;
BEGIN
    FOR p IN SELECT * FROM event_pending ORDER BY id LOOP
        PERFORM event_log_number(p.created_at, p.event_ids, p.topics, p.event_keys, p.event_types, p.sources,
                                 p.portal_ids, p.order_ids, p.campaign_ids, p.payloads, p.content_types, p.datas,
                                 p.extensions);
        DELETE FROM event_pending WHERE id = p.id;
    END LOOP;
END
$$;

-- Run by COMMIT: the first one numbers all the transaction's staged batches, the others find none left.
CREATE FUNCTION event_pending_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM event_pending_flush();
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER event_pending_numbered AFTER INSERT ON event_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_pending_numbered();

-- A large batch, numbered at once: after the batches the transaction staged before it, which keep their place.
CREATE FUNCTION event_log_append(p_created_at timestamptz, p_event_ids uuid[], p_topics text[], p_keys text[],
                                 p_types text[], p_sources text[], p_portal_ids text[], p_order_ids text[],
                                 p_campaign_ids text[], p_payloads text[], p_content_types text[], p_datas text[],
                                 p_extensions text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM event_pending_flush();
    PERFORM event_log_number(p_created_at, p_event_ids, p_topics, p_keys, p_types, p_sources, p_portal_ids,
                             p_order_ids, p_campaign_ids, p_payloads, p_content_types, p_datas, p_extensions);
END
$$;
