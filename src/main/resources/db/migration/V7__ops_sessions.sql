-- Dashboard sign-in: the ops key is exchanged for a session cookie (HttpOnly, SameSite=Strict),
-- so that the key never sits in a URL, a log or the page. Only the token's SHA-256 is kept, in the
-- database so that every instance knows every session.
CREATE TABLE ops_session (
    token_hash  bytea       PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
