-- A check-in may carry warning signs (triage's words): a new one escalates and goes to triage as a new symptom report.
alter table check_in add column warning_signs varchar(40)[] not null default '{}';
create index check_in_with_warning_signs on check_in (user_id, local_day) where cardinality(warning_signs) > 0;
