-- Events whose Kafka data is not their JSON payload (issue 22: a payment file announced with its XML as data).
-- payload stays the event's JSON view, the one the SSE streams read; these columns are read by the relay only
-- (the streams' query names its columns), so that a file's bytes never travel through an ops stream.
--   data_content_type: the CloudEvents datacontenttype of the record; NULL: application/json, the payload as data
--   data:              the record's data when data_content_type is set; NULL: a record with no data (see dataref)
--   extensions:        CloudEvents extension attributes (a JSON object of strings), e.g. dataref, datasize
ALTER TABLE event_log
    ADD COLUMN data_content_type text,
    ADD COLUMN data              bytea,
    ADD COLUMN extensions        jsonb,
    ADD CONSTRAINT event_log_data_has_content_type CHECK (data IS NULL OR data_content_type IS NOT NULL);
