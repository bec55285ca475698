-- Event payloads can be several KB of JSON: lz4 compresses them much faster than the default pglz.
alter table outbox_event alter column payload set compression lz4;
