-- Each person's newest symptom report as symptom-reports carried it (the event's data), so that a new warning sign at a
-- check-in can go to triage as that report brought up to date. The newest by reportedAt wins.
create table last_symptom_report (
    user_id      varchar(64)  primary key,
    report_id    uuid         not null,
    reported_at  timestamptz  not null,
    report       text         not null
);
