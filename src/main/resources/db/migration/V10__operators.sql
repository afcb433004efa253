-- Named operators (issue 22): each with a role and an API key of which only the SHA-256 is kept, as for the portals'
-- keys. The bootstrap administrator (RECON_OPS_API_KEY) is no row; its fixed id is refused here so that no row can
-- ever pass for it.
CREATE TABLE operator (
    operator_id text        PRIMARY KEY CHECK (operator_id <> 'OPR2222222222222222'),
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'APPROVER', 'ADMIN')),
    disabled    boolean     NOT NULL DEFAULT false,
    key_hash    bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

-- Whose dashboard session it is: NULL for the bootstrap administrator (as every session opened before this column).
ALTER TABLE ops_session ADD COLUMN operator_id text REFERENCES operator (operator_id);

-- The ops log: who did what, when, on which object, with the request's note, and how it ended. Append-only: the
-- runtime role is granted INSERT and SELECT only (RuntimeRoleGrants), and a trigger refuses UPDATE and DELETE to
-- every role, the owner's included, short of dropping it in a migration.
CREATE TABLE ops_log (
    sequence      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    operator_id   text        NOT NULL,
    operator_name text        NOT NULL,
    action        text        NOT NULL,
    object_type   text        NOT NULL,
    object_id     text,
    note          text,
    outcome       text        NOT NULL
);
CREATE INDEX ops_log_at ON ops_log (at);
CREATE INDEX ops_log_operator_at ON ops_log (operator_id, at);

CREATE FUNCTION ops_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ops log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ops_log_append_only BEFORE UPDATE OR DELETE ON ops_log
    FOR EACH ROW EXECUTE FUNCTION ops_log_append_only();
