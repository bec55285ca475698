-- The Patient-Specific Functional Scale: each assessment (plan week 0, 4, 8 or 12) rates the activities the person named
-- at the start, one row per activity in the start's order. Activity names are the person's own words: private to
-- tracking, never in an event.
create table functional_assessment (
    user_id      varchar(64)  not null,
    week         int          not null,
    position     int          not null,
    activity     varchar(80)  not null,
    rating       int          not null check (rating between 0 and 10),
    recorded_at  timestamptz  not null,
    primary key (user_id, week, position)
);
