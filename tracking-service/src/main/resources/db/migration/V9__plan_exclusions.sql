-- The exercises the person's latest recommendation rules out: an adapting plan never steps into one of them.
create table plan_exclusion (
    user_id   varchar(64)  not null,
    exercise  varchar(120) not null,
    primary key (user_id, exercise)
);
