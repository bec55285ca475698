-- Plan weeks close on the person's clock; each closed week is announced once on adherence-updates.
-- When the plan's next week closes; null when no week is due to close (paused, waiting for a
-- professional, or past the schedule's last week). The periodic pass reads only plans whose time has come.
alter table plan add column next_week_close_at timestamptz;
-- Existing active plans are due at once: the pass works out their real next close.
update plan set next_week_close_at = updated_at where status = 'active';
create index plan_week_close_due on plan (next_week_close_at) where next_week_close_at is not null;

-- The weeks announced, per plan start (a restarted plan counts its weeks again): the key makes
-- announcing idempotent, whichever instance gets there first.
create table announced_week (
    user_id       varchar(64) not null,
    plan_start    date        not null,
    week          int         not null,
    announced_at  timestamptz not null,
    primary key (user_id, plan_start, week)
);
