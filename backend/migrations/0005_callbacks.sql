-- Callback requests: a customer asks support to phone them about a product. Times are Unix
-- seconds (INTEGER), like the cases' and chats'.
CREATE TABLE callbacks (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    requester_id    TEXT NOT NULL REFERENCES users (id),
    product         TEXT NOT NULL CHECK (product IN ('analytics', 'target', 'audience_manager')),
    phone           TEXT NOT NULL,
    topic           TEXT NOT NULL,
    -- In the customer's words; empty when they did not say.
    preferred_time  TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('requested', 'done')),
    requested_at    INTEGER NOT NULL
);

CREATE INDEX callbacks_by_requester ON callbacks (requester_id, requested_at);
CREATE INDEX callbacks_by_status ON callbacks (status, requested_at);
