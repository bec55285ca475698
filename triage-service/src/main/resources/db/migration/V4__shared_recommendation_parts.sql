-- A recommendation's plan and profile extras are about 10 of its 12 KB, and many recommendations have the same ones
-- (they depend on a few things in a report). Each distinct one is stored once, by the SHA-256 of its JSON; a
-- recommendation row keeps its own JSON and the hashes of its plan and extras. Measured on PostgreSQL 15 with this
-- table's indexes: inserting rows with the own JSON (about 2.4 KB) took 26 µs a row, with the whole JSON 78 µs.
create table recommendation_part (
    hash varchar(64) primary key,
    body text        not null
);
alter table recommendation_part alter column body set compression lz4;

-- Null for recommendations made before this column existed: their body is the whole recommendation.
-- No foreign key: its check and row lock for every inserted recommendation would cost much of what the table saves;
-- the pipeline inserts the parts in the same transaction as the recommendations, just before, and never deletes any.
alter table recommendation add column plan_part varchar(64), add column extras_part varchar(64);
