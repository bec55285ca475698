-- A check-in sent again under its id is the same check-in only with the same body: its hash tells them apart.
-- Check-ins stored before have none; they are recognised by person and pain.
alter table check_in add column body_hash varchar(64);
