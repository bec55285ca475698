-- A recommendation's plan and profile extras are most of its JSON, and they depend on a few things in a report, so many
-- recommendations have the same ones. Each distinct one is stored once, by the SHA-256 of its JSON; a recommendation
-- row keeps the rest of its JSON and the hashes of its plan and extras. (V4 did the same; V5 undid it while the
-- pipeline was made simple; docs/performance.md has what it saves.)
create table recommendation_part (
    hash varchar(64) primary key,
    body text        not null
);
alter table recommendation_part alter column body set compression lz4;

-- Null for recommendations stored before this column existed: their body is the whole recommendation.
-- No foreign key: its check and row lock for every inserted recommendation would cost much of what the table saves;
-- the pipeline inserts a recommendation's parts in the same statement as the recommendation, and never deletes any.
alter table recommendation add column plan_part varchar(64), add column extras_part varchar(64);

-- Every recommendation whole, as readers want it: the row's JSON with its plan and extras put back (jsonb orders the
-- fields its own way; readers take them by name).
create view recommendation_whole as
select r.report_id, r.user_id, r.level, r.created_at, r.source_partition, r.source_offset,
       case when r.plan_part is null then r.body
            else (r.body::jsonb || jsonb_build_object('plan', plan.body::jsonb, 'extras', extras.body::jsonb))::text
       end as body
  from recommendation r
  left join recommendation_part plan on plan.hash = r.plan_part
  left join recommendation_part extras on extras.hash = r.extras_part;
