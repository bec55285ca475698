-- A check-in may be the morning rating of pain on waking: the adapting plan's baseline is built from those alone.
alter table check_in add column waking boolean not null default false;
create index waking_check_in_by_person on check_in (user_id, local_day) where waking;
