-- Reports the service accepted (over REST, or first seen on the topic), by their client-generated id.
create table symptom_report (
    report_id   uuid primary key,
    user_id     varchar(64)  not null,
    body        text         not null,
    -- SHA-256 of the canonical body: the same id with another body is a conflict, not a retry.
    body_hash   varchar(64)  not null,
    received_at timestamptz  not null
);

-- One recommendation per report: the primary key is what suppresses duplicates on redelivery.
create table recommendation (
    report_id  uuid primary key,
    user_id    varchar(64) not null,
    level      varchar(40) not null,
    body       text        not null,
    created_at timestamptz not null
);
create index recommendation_by_person on recommendation (user_id, created_at desc, report_id);
