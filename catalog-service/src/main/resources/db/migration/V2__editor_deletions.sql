-- Bundled items an editor deleted: a later content bundle does not bring them back (editors' changes win).
-- An editor creating an item of that kind and slug again removes its row.
create table editor_deletion (
    id         bigint generated always as identity primary key,
    kind       varchar(40)  not null,
    slug       varchar(120) not null,
    deleted_at timestamptz  not null,
    unique (kind, slug)
);
