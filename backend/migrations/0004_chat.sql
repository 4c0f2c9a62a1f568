-- Live chat: chats (one customer, one product), their messages, and the files attached to
-- messages. Times are Unix seconds (INTEGER), like the cases'.
CREATE TABLE chats (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    customer_id     TEXT NOT NULL REFERENCES users (id),
    product         TEXT NOT NULL CHECK (product IN ('analytics', 'target', 'audience_manager')),
    topic           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'active', 'ended')),
    -- The support engineer's name, once one accepted (agents have no user account here).
    agent           TEXT,
    -- Arrival order across every organisation: the queue is served first come, first served,
    -- and two chats created in the same second still have an order.
    queue_order     INTEGER NOT NULL UNIQUE,
    created_at      INTEGER NOT NULL,
    accepted_at     INTEGER,
    ended_at        INTEGER,
    -- The highest message seq so far; the next message gets last_seq + 1.
    last_seq        INTEGER NOT NULL DEFAULT 0,
    rating_score    INTEGER CHECK (rating_score BETWEEN 1 AND 5),
    rating_comment  TEXT,
    -- The case the chat was continued as.
    case_id         TEXT REFERENCES cases (id)
);

CREATE INDEX chats_by_customer ON chats (customer_id, created_at);
CREATE INDEX chats_by_status ON chats (status, queue_order);
-- A double submit of the pre-chat form must never open two chats.
CREATE UNIQUE INDEX chats_one_open_per_customer ON chats (customer_id)
    WHERE status IN ('queued', 'active');

CREATE TABLE chat_messages (
    chat_id      TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    -- Position in the chat from 1, shared by both sides, never reused.
    seq          INTEGER NOT NULL,
    -- Chosen by the sender: a resend with the same id finds the stored message.
    id           TEXT NOT NULL UNIQUE,
    at           INTEGER NOT NULL,
    -- NULL for the agent's messages (agents have no user account here).
    author_id    TEXT REFERENCES users (id),
    from_support INTEGER NOT NULL DEFAULT 0,
    body         TEXT NOT NULL,
    PRIMARY KEY (chat_id, seq)
);

-- Files sent in a chat message. An upload is attached once: to a case, or to one message.
CREATE TABLE chat_attachments (
    attachment_id TEXT PRIMARY KEY REFERENCES attachments (id),
    chat_id       TEXT NOT NULL REFERENCES chats (id),
    seq           INTEGER NOT NULL,
    -- The order in which the sender listed them.
    position      INTEGER NOT NULL
);

CREATE INDEX chat_attachments_by_message ON chat_attachments (chat_id, seq, position);
