-- The triage-service schema starts empty; its own issue adds the tables.
select 1;
