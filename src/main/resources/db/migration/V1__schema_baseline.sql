-- crowdrecon schema baseline. Later migrations add the tables of each capability.
CREATE TABLE recon_instance (
    id          text PRIMARY KEY,
    started_at  timestamptz NOT NULL DEFAULT now()
);
