-- Pain check-ins; the pain trend reads them. Notes are the person's own and never leave this service.
create table check_in (
    check_in_id  uuid         primary key,
    user_id      varchar(64)  not null,
    checked_at   timestamptz  not null,
    local_day    date         not null,
    pain         int          not null check (pain between 0 and 10),
    notes        varchar(500),
    created_at   timestamptz  not null
);
create index check_in_by_person on check_in (user_id, local_day);
