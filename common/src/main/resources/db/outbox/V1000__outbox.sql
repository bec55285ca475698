-- The transactional outbox: an event is stored in the same transaction as the change it announces,
-- and a relay publishes it to Kafka afterwards, so a committed change always gets its event, even
-- when Kafka was down at that moment. (Shared by the services; versions 1000+ are this folder's.)
create table outbox_event (
    id          bigint generated always as identity primary key,
    topic       varchar(200)  not null,
    record_key  varchar(200)  not null,
    payload     text          not null,
    created_at  timestamptz   not null,
    sent_at     timestamptz
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
