-- The person's latest recommendation as triage's event gave its facts (the event's data: level, the rules that fired
-- with their inputs, the plan with its doses), for the summary a person takes to a professional (GET /me/summary).
-- The facts are pseudonymous and hold no prose; the newest recommendation by event time wins.
create table latest_recommendation (
    user_id         varchar(64)  primary key,
    report_id       uuid         not null,
    recommended_at  timestamptz  not null,
    facts           text         not null
);
