-- Service history: one view over the organisation's cases, chats and callback requests, with
-- the same columns for each, and the indexes that keep a page, a filter change and the summary
-- fast for an organisation with tens of thousands of interactions.

-- When a callback request was marked done (the call was made); NULL while requested.
ALTER TABLE callbacks ADD COLUMN done_at INTEGER;

CREATE INDEX chats_by_organisation ON chats (organisation_id, created_at, id);
CREATE INDEX callbacks_by_organisation ON callbacks (organisation_id, requested_at, id);

-- `standing`: a case awaiting the customer's reply or confirmation is `awaiting_customer`; a
-- chat or callback is `open` until it ends. `due_at` is a case's first-response due time.
CREATE VIEW interactions AS
SELECT 'case' AS kind, c.id, c.organisation_id, c.number, c.title, c.product, 'web' AS channel,
       c.priority,
       CASE c.status
           WHEN 'closed' THEN 'closed'
           WHEN 'awaiting_your_reply' THEN 'awaiting_customer'
           WHEN 'resolution_provided' THEN 'awaiting_customer'
           ELSE 'open'
       END AS standing,
       c.requester_id, c.created_at AS opened_at, c.first_response_at, c.due_at, c.closed_at
  FROM cases c
UNION ALL
SELECT 'chat', h.id, h.organisation_id, NULL, h.topic, h.product, 'chat', NULL,
       CASE h.status WHEN 'ended' THEN 'closed' ELSE 'open' END,
       h.customer_id, h.created_at, h.accepted_at, NULL, h.ended_at
  FROM chats h
UNION ALL
SELECT 'callback', b.id, b.organisation_id, NULL, b.topic, b.product, 'phone', NULL,
       CASE b.status WHEN 'done' THEN 'closed' ELSE 'open' END,
       b.requester_id, b.requested_at, b.done_at, NULL, b.done_at
  FROM callbacks b;
