-- A person may start a plan themselves, before or without a recommendation.
alter table plan alter column report_id drop not null;
