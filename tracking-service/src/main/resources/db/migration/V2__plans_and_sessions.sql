-- One plan per person: what triage recommended, from which local day it runs, and whether it may start.
create table plan (
    user_id        varchar(64)  primary key,
    status         varchar(40)  not null,  -- active, see-professional-first, paused
    start_date     date         not null,  -- the person's local date of day 1
    time_zone      varchar(64)  not null,
    protocol       varchar(120) not null,
    level          varchar(40)  not null,
    report_id      uuid         not null,  -- the recommendation that made or last changed the plan
    exercises      text         not null,  -- JSON array of catalog slugs recommended
    updated_at     timestamptz  not null
);

-- Sessions as recorded, by their client-generated id.
create table session (
    session_id   uuid         primary key,
    user_id      varchar(64)  not null,
    started_at   timestamptz  not null,
    time_zone    varchar(64)  not null,
    local_day    date         not null,
    body         text         not null,
    body_hash    varchar(64)  not null,
    created_at   timestamptz  not null
);
create index session_by_person on session (user_id, started_at desc, session_id);

-- Per-day aggregates, updated as sessions arrive, so adherence never rescans the sessions.
create table day_sessions (
    user_id              varchar(64) not null,
    day                  date        not null,
    sessions             int         not null,
    minutes              int         not null,
    release_sessions     int         not null,
    stretch_sessions     int         not null,
    strengthen_sessions  int         not null,
    left_only            int         not null,
    right_only           int         not null,
    both_sides           int         not null,
    pain_before_sum      int         not null,
    pain_after_sum       int         not null,
    pain_count           int         not null,
    primary key (user_id, day)
);
