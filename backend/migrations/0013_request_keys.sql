-- The `Idempotency-Key`s of changes other than filing a case (which keeps its own, with the
-- request's hash, in `idempotency_keys`): a retried request whose first answer was lost answers
-- what the first one made instead of making it twice. `kind` says what the key made: `reply`
-- (`target` the case, `seq` the entry) or `support_user` (`target` the user).
CREATE TABLE request_keys (
    user_id    TEXT NOT NULL REFERENCES users (id),
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    target     TEXT NOT NULL,
    seq        INTEGER,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, key)
);
