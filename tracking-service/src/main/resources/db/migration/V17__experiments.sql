-- Root-cause experiments (issue 19): one change at a time, in the person's words, judged on their waking ratings.
-- What happens in an experiment is worked out from the ratings each time (RootCauseExperiment); stored here is what
-- cannot be: the day the change started once the baseline was stable (the person was told then), the days the
-- person ended it or undid the change, and the result once announced on experiment-results.
create table experiment (
    experiment_id        uuid         primary key,
    user_id              varchar(64)  not null,
    checklist_item       varchar(64)  not null,
    change_words         varchar(200) not null,
    time_zone            varchar(64)  not null,
    start_day            date         not null,
    change_from          date,
    ended_by_person      date,
    undo_from            date,
    undo_ended_by_person date,
    result               text,
    confirmation_result  text,
    created_at           timestamptz  not null
);
create index experiment_by_person on experiment (user_id, created_at);
-- One experiment at a time: a result not yet reached, or a confirmation started and not finished, is running.
create unique index one_running_experiment on experiment (user_id)
    where result is null or (undo_from is not null and confirmation_result is null);
