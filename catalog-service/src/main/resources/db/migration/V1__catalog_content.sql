-- Catalog content is stored as one JSON document per item, keyed by kind and slug. The service
-- serves reads from an in-memory snapshot built from these rows; the database is the record.
create table catalog_item (
    id         bigint generated always as identity primary key,
    kind       varchar(40)  not null,
    slug       varchar(120) not null,
    title      varchar(300),
    body       text         not null,
    -- 'bundle' rows come from the content files shipped with the service, 'editor' rows from the editor API.
    origin     varchar(10)  not null check (origin in ('bundle', 'editor')),
    updated_at timestamptz  not null,
    unique (kind, slug)
);

-- Every change of content records the version derived from the data, and which bundle it started from.
create table content_version (
    id          bigint generated always as identity primary key,
    version     varchar(64)  not null,
    bundle_hash varchar(64)  not null,
    reason      varchar(300) not null,
    created_at  timestamptz  not null
);
create index content_version_latest on content_version (id desc);
