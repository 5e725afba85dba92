-- Tasks (DESIGN §5): the "5 rõ" of an assignment, trees of delegation, progress, extensions and the
-- four official states of Decision 42/2014. Invariants kept by the database as well as the service:
--  * every task names what (title, description), who (lead unit, responsible person), the outcome
--    (expected result) and a deadline: a due date, or a recurrence whose dated occurrences carry one;
--  * a task is DONE exactly when it has a completion date; CANCELLED exactly when it has a reason;
--  * an occurrence of a recurring task is its child, one per scheduled date.
-- National scale (DESIGN §10): the lead unit's path (root..unit) is stored on the row and its levels
-- 2..4 (province; district, commune or department; commune or department) are generated columns,
-- so "the tasks of a subtree ordered by due date" is an ordered range scan of one btree that stops
-- after the page, and the statistics of a subtree are one aggregate over a narrow covering index.
create table task (
  id                        uuid primary key,
  parent_id                 uuid references task(id),
  -- the recurring task this row is an occurrence of (then also its parent)
  series_id                 uuid references task(id) on delete cascade,
  period_date               date,
  title                     text not null check (length(title) between 1 and 500),
  description               text not null check (length(description) between 1 and 10000),
  lead_unit_id              uuid not null references org_unit(id),
  lead_unit_path            uuid[] not null,
  unit_at_2                 uuid generated always as (lead_unit_path[2]) stored,
  unit_at_3                 uuid generated always as (lead_unit_path[3]) stored,
  unit_at_4                 uuid generated always as (lead_unit_path[4]) stored,
  responsible_person        text not null check (length(responsible_person) between 1 and 300),
  assigning_unit_id         uuid references org_unit(id),
  expected_result           text not null check (length(expected_result) between 1 and 4000),
  assigned_on               date not null,
  due_date                  date,
  original_due_date         date,
  -- the list order and keyset key: by due date, tasks without one (recurring) last
  sort_due                  date generated always as (coalesce(due_date, date '9999-12-31')) stored,
  recurrence_frequency      text check (recurrence_frequency in ('MONTHLY','QUARTERLY','SEMIANNUAL','YEARLY')),
  recurrence_day            int check (recurrence_day between 1 and 31),
  recurrence_month          int check (recurrence_month between 1 and 12),
  recurrence_start          date,
  recurrence_end            date,
  directive_id              uuid references directive(id),
  directive_item            text check (length(directive_item) <= 50),
  priority                  text not null check (priority in ('LOW','NORMAL','HIGH','URGENT')),
  weight                    numeric(7,2) check (weight > 0),
  status                    text not null check (status in ('NEW','IN_PROGRESS','DONE','CANCELLED')),
  completed_on              date,
  result_note               text check (length(result_note) <= 4000),
  cancel_reason             text check (length(cancel_reason) <= 1000),
  progress                  int not null default 0 check (progress between 0 and 100),
  transferred_from_unit_id  uuid references org_unit(id),
  transferred_on            date,
  created_at                timestamptz not null,
  updated_at                timestamptz not null,
  version                   bigint not null default 0,
  check (lead_unit_path[array_length(lead_unit_path, 1)] = lead_unit_id),
  check (due_date is not null or recurrence_frequency is not null),
  check ((recurrence_frequency is null) = (recurrence_day is null)),
  check ((recurrence_frequency is null) = (recurrence_start is null)),
  check (recurrence_end is null or recurrence_end >= recurrence_start),
  check ((series_id is null) = (period_date is null)),
  check (series_id is null or parent_id = series_id),
  check ((status = 'DONE') = (completed_on is not null)),
  check ((status = 'CANCELLED') = (cancel_reason is not null)),
  check (parent_id <> id)
);
-- occurrences: one per scheduled date of a series
create unique index task_occurrence on task (series_id, period_date) where series_id is not null;
create index task_parent on task (parent_id, sort_due, id) where parent_id is not null;
create index task_directive on task (directive_id, sort_due, id) where directive_id is not null;
create index task_lead on task (lead_unit_id, sort_due, id);
create index task_due on task (sort_due, id);
-- subtree lists by due date: one btree per stored level; open tasks (overdue, in term) apart
create index task_at_2 on task (unit_at_2, sort_due, id);
create index task_at_3 on task (unit_at_3, sort_due, id);
create index task_at_4 on task (unit_at_4, sort_due, id);
create index task_open_at_2 on task (unit_at_2, sort_due, id) where status in ('NEW','IN_PROGRESS');
create index task_open_at_3 on task (unit_at_3, sort_due, id) where status in ('NEW','IN_PROGRESS');
create index task_open_at_4 on task (unit_at_4, sort_due, id) where status in ('NEW','IN_PROGRESS');
-- deeper subtrees and the scope of a caller (unit_path && roots)
create index task_path on task using gin (lead_unit_path);
create index task_updated on task (updated_at, id);
-- statistics: everything the four states need, read by an index-only scan; recurring series are
-- counted through their occurrences, cancelled tasks not at all
create index task_stats on task (unit_at_2, unit_at_3, unit_at_4)
  include (due_date, completed_on, assigned_on, directive_id)
  where status <> 'CANCELLED' and recurrence_frequency is null;
create index task_fold on task
  using gin (danvan_fold(title || ' ' || description || ' ' || coalesce(directive_item, '')) gin_trgm_ops);

-- Phối hợp: the units that coordinate; their path is stored for the same scope test as the lead.
create table task_coordinator (
  task_id    uuid not null references task(id) on delete cascade,
  unit_id    uuid not null references org_unit(id),
  unit_path  uuid[] not null,
  primary key (task_id, unit_id)
);
create index task_coordinator_unit on task_coordinator (unit_id);
create index task_coordinator_path on task_coordinator using gin (unit_path);

-- Progress reports: append-only; the task keeps the latest percent.
create table task_progress (
  id          uuid primary key,
  task_id     uuid not null references task(id) on delete cascade,
  percent     int not null check (percent between 0 and 100),
  note        text check (length(note) <= 4000),
  reported_by text not null,
  reported_at timestamptz not null
);
create index task_progress_task on task_progress (task_id, reported_at desc, id desc);
create rule task_progress_append_only_update as on update to task_progress do instead nothing;

-- Extension requests (xin gia hạn): asked by the lead unit, decided by the assigning unit.
create table task_extension (
  id                  uuid primary key,
  task_id             uuid not null references task(id) on delete cascade,
  requested_due_date  date not null,
  previous_due_date   date not null,
  reason              text not null check (length(reason) between 1 and 2000),
  status              text not null check (status in ('PENDING','APPROVED','REJECTED')),
  requested_by        text not null,
  requested_at        timestamptz not null,
  decided_by          text,
  decided_at          timestamptz,
  decision_note       text check (length(decision_note) <= 2000),
  version             bigint not null default 0,
  check ((status = 'PENDING') = (decided_at is null))
);
create index task_extension_task on task_extension (task_id, requested_at desc, id desc);
-- at most one open request per task
create unique index task_extension_pending on task_extension (task_id) where status = 'PENDING';

-- Every due date a task has had, with why it changed: the history shown to both sides.
create table task_due_date (
  id            uuid primary key,
  -- the order of changes, also when two fall on the same instant
  seq           bigint generated always as identity,
  task_id       uuid not null references task(id) on delete cascade,
  due_date      date not null,
  source        text not null check (source in ('INITIAL','EDIT','EXTENSION')),
  extension_id  uuid references task_extension(id) on delete set null,
  changed_by    text not null,
  changed_at    timestamptz not null
);
create index task_due_date_task on task_due_date (task_id, seq);

-- Live four-state counts per province and month of the due date, kept by the writes themselves (the
-- triggers below run in the writing transaction, so there is no batch lag). "Today's statistics of
-- the whole country by province" reads these few thousand rows instead of a million tasks; the open
-- tasks of the current month are split at today from the base table (index task_open_month). The
-- key is the lead unit's province (its path[2]; the unit itself for tasks led by the root). Rows
-- are upserted in key order, so concurrent writers lock them in the same order.
create table task_tally (
  province_id  uuid not null,
  due_month    date not null,
  outcome      text not null check (outcome in ('OPEN','ON_TIME','LATE')),
  n            bigint not null,
  primary key (province_id, due_month, outcome)
);
create index task_open_month on task (sort_due) include (unit_at_2, lead_unit_id)
  where status in ('NEW','IN_PROGRESS') and recurrence_frequency is null;

create function danvan_task_tally() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'INSERT' then
      insert into task_tally as x (province_id, due_month, outcome, n)
      select k, m, o, sum(d) from (
        select coalesce(unit_at_2, lead_unit_id) k, date_trunc('month', due_date)::date m,
               case when status <> 'DONE' then 'OPEN' when completed_on > due_date then 'LATE' else 'ON_TIME' end o, 1 d
          from new_rows where status <> 'CANCELLED' and recurrence_frequency is null) c
      group by k, m, o order by k, m, o
      on conflict (province_id, due_month, outcome) do update set n = x.n + excluded.n;
    elsif tg_op = 'DELETE' then
      insert into task_tally as x (province_id, due_month, outcome, n)
      select k, m, o, sum(d) from (
        select coalesce(unit_at_2, lead_unit_id) k, date_trunc('month', due_date)::date m,
               case when status <> 'DONE' then 'OPEN' when completed_on > due_date then 'LATE' else 'ON_TIME' end o, -1 d
          from old_rows where status <> 'CANCELLED' and recurrence_frequency is null) c
      group by k, m, o order by k, m, o
      on conflict (province_id, due_month, outcome) do update set n = x.n + excluded.n;
    else
      insert into task_tally as x (province_id, due_month, outcome, n)
      select k, m, o, sum(d) from (
        select coalesce(unit_at_2, lead_unit_id) k, date_trunc('month', due_date)::date m,
               case when status <> 'DONE' then 'OPEN' when completed_on > due_date then 'LATE' else 'ON_TIME' end o, 1 d
          from new_rows where status <> 'CANCELLED' and recurrence_frequency is null
        union all
        select coalesce(unit_at_2, lead_unit_id), date_trunc('month', due_date)::date,
               case when status <> 'DONE' then 'OPEN' when completed_on > due_date then 'LATE' else 'ON_TIME' end, -1
          from old_rows where status <> 'CANCELLED' and recurrence_frequency is null) c
      group by k, m, o having sum(d) <> 0 order by k, m, o
      on conflict (province_id, due_month, outcome) do update set n = x.n + excluded.n;
    end if;
    return null;
  end $$;

create trigger task_tally_insert after insert on task referencing new table as new_rows
  for each statement execute function danvan_task_tally();
create trigger task_tally_update after update on task referencing old table as old_rows new table as new_rows
  for each statement execute function danvan_task_tally();
create trigger task_tally_delete after delete on task referencing old table as old_rows
  for each statement execute function danvan_task_tally();
