-- A dashboard session is valid only under the ops key that opened it: a service restarted with
-- another RECON_OPS_API_KEY ends the old key's sessions. The key's SHA-256 (never the key), as for
-- the API keys. Sessions opened before this column existed keep NULL, which equals no key: they are
-- over, and their operators sign in again. Nullable rather than filled, so that an instance still
-- on the previous version can go on writing sessions during a rolling update (the new ones refuse them).
ALTER TABLE ops_session ADD COLUMN ops_key_hash bytea;
