-- Each recommendation row holds its whole JSON again, as the pipeline now writes it. Rows written while plans and
-- extras were kept apart get them back as their "plan" and "extras" fields (jsonb orders the fields its own way; a
-- reader takes them by name), and the shared parts go.
update recommendation r
   set body = (r.body::jsonb || jsonb_build_object('plan', plan.body::jsonb, 'extras', extras.body::jsonb))::text
  from recommendation_part plan, recommendation_part extras
 where plan.hash = r.plan_part and extras.hash = r.extras_part;

alter table recommendation drop column plan_part, drop column extras_part;
drop table recommendation_part;
