-- Grassroots dialogues (issue 14 §3): the dialogue conferences a commune-level authority holds with
-- the people (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Nghị định 59/2023/NĐ-CP; Luật Tổ chức
-- chính quyền địa phương 72/2025/QH15, Điều 43). A dialogue is planned, announced some days before
-- it is held, held, and its results published some days after. The two deadlines are stored (reckoned
-- from configuration and the business calendar when the dialogue is written) so that the agenda pages
-- them by due date with an index; the states come from danvan_task_outcome (V18), the one rule.
create table dialogue (
  id                      uuid primary key,
  -- a commune-level unit (ward, commune, special zone) and its path on the planned date: scope, filters
  unit_id                 uuid not null references org_unit(id),
  unit_path               uuid[] not null,
  topic                   text not null check (length(topic) between 1 and 500),
  description             text check (length(description) <= 4000),
  kind                    text not null check (kind in ('YEARLY','VOTERS_REQUEST','AS_NEEDED')),
  planned_date            date not null,
  status                  text not null
    check (status in ('PLANNED','ANNOUNCED','HELD','RESULTS_PUBLISHED','CANCELLED')),
  announcement_due        date not null,
  announcement_date       date,
  announcement_channel    text,
  held_date               date,
  chair_name              text,
  chair_role              text,
  participant_count       int check (participant_count >= 0),
  household_count         int check (household_count >= 0),
  -- [{question, answer, answeredByRole, answeredByTitle}]: what the people asked, no personal data
  questions               jsonb not null default '[]' check (jsonb_typeof(questions) = 'array'),
  question_count          int not null default 0 check (question_count >= 0),
  answered_count          int not null default 0 check (answered_count between 0 and question_count),
  results_due             date not null,
  results_published_date  date,
  results_document_id     uuid,
  cancelled_date          date,
  cancel_reason           text,
  -- the follow-up tasks (read through TaskService when written)
  task_ids                uuid[] not null default '{}',
  note                    text check (length(note) <= 2000),
  created_at              timestamptz not null,
  updated_at              timestamptz not null,
  version                 bigint not null default 0,
  -- each step records its facts, in order
  check (status in ('PLANNED','CANCELLED') or announcement_date is not null),
  check (status not in ('HELD','RESULTS_PUBLISHED') or held_date is not null),
  check (status <> 'RESULTS_PUBLISHED'
         or (results_published_date is not null and results_document_id is not null)),
  check (status <> 'CANCELLED' or cancelled_date is not null),
  check (held_date is null or announcement_date is null or held_date >= announcement_date),
  check (results_published_date is null or results_published_date >= held_date)
);
create index dialogue_path on dialogue using gin (unit_path);
create index dialogue_unit_planned on dialogue (unit_id, planned_date);
create index dialogue_planned on dialogue (planned_date, id);
create index dialogue_announcement_due on dialogue (announcement_due, id) where status <> 'CANCELLED';
create index dialogue_results_due on dialogue (results_due, id) where status <> 'CANCELLED';
create index dialogue_held on dialogue (held_date, unit_id) where held_date is not null;
create index dialogue_fold on dialogue using gin (danvan_fold(topic) gin_trgm_ops);
