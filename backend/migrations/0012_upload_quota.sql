-- Every upload counts a user's uploads not attached yet (the per-user quota of
-- `POST /attachments`): this index keeps that count off a scan of all attachments.
CREATE INDEX attachments_unlinked_by_uploader ON attachments (uploader_id) WHERE case_id IS NULL;
