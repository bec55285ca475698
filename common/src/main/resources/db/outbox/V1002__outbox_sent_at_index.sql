-- Sent events are kept for a while (to see what went out), then pruned by the relay: find them by when they were sent.
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
