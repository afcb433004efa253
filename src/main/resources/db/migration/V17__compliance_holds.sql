-- Compliance holds (issue 23 item 3): ops freeze the money of an investor (every order of theirs, later ones
-- included) or of one order until they release or refuse it.
CREATE TABLE compliance_hold (
    hold_id         text        PRIMARY KEY,
    portal_id       text        NOT NULL REFERENCES portal,
    investor_id     text        REFERENCES investor,
    order_id        text        REFERENCES purchase_order,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 4096),
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'RELEASED', 'REFUSED')),
    placed_by       text,                                -- the operator; null when a portal placed it
    placed_by_name  text        NOT NULL,
    ended_by        text,
    ended_by_name   text,
    created_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    CONSTRAINT compliance_hold_on_one CHECK ((investor_id IS NULL) <> (order_id IS NULL)),
    CONSTRAINT compliance_hold_ended CHECK ((status = 'ACTIVE') = (ended_at IS NULL))
);
CREATE INDEX compliance_hold_created ON compliance_hold (created_at DESC, hold_id DESC);
-- Matching asks, for every batch of credits, which of its orders are held: ACTIVE holds are few, so these stay small.
CREATE INDEX compliance_hold_active_investor ON compliance_hold (investor_id) WHERE status = 'ACTIVE';
CREATE INDEX compliance_hold_active_order ON compliance_hold (order_id) WHERE status = 'ACTIVE';
-- A hold on an investor reaches every order of theirs.
CREATE INDEX IF NOT EXISTS order_investor ON purchase_order (investor_id);
