-- The changes of each person's adapting plan already announced on plan-adjustments, by the change's key (its day,
-- session day, rule, exercises, variable and values), so that each is announced once however often it is replayed.
create table plan_adjustment (
    user_id       varchar(64)  not null,
    change_key    varchar(400) not null,
    announced_at  timestamptz  not null,
    primary key (user_id, change_key)
);
