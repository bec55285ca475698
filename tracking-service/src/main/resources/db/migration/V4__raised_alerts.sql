-- Each recovery alert is raised once per person: its stable key (e.g. see-professional:no-improvement) is remembered here.
create table raised_alert (
    user_id    varchar(64)  not null,
    alert_key  varchar(100) not null,
    raised_at  timestamptz  not null,
    primary key (user_id, alert_key)
);
