-- The four states of Decision 42/2014/QĐ-TTg written once in SQL (TaskState.of is the same rule in
-- Java; TaskOutcomeParityTest holds them equal). The state on `day` of a task that is not cancelled
-- (cancelled ones are left out of every count): done by that day (it has a completion date, exactly
-- when its status is DONE, a check of table task) on time when completed on or before its due date,
-- else late; otherwise in term up to and including its due date, overdue from the day after. A task
-- without a due date (the template of a recurring task, left out of counts) is in term or on time.
-- Statistics as of a past day see a task completed after that day as still open then.
-- Only due_date and completed_on are read: the statistics keep their index-only scan of task_stats.
create function danvan_task_outcome(due_date date, completed_on date, day date) returns text
  language sql immutable parallel safe
  as $$
    select case
      when completed_on <= day then case when completed_on > due_date then 'DONE_LATE' else 'DONE_ON_TIME' end
      when due_date < day then 'OVERDUE'
      else 'IN_PROGRESS_IN_TERM'
    end
  $$;

-- Where a list must find its rows through an index the rule is written in its sargable form, derived
-- from the function above for the open (NEW, IN_PROGRESS: never a completion date) tasks with a due
-- date, whose sort_due is their due date:
--   OVERDUE              <=> status in ('NEW','IN_PROGRESS') and sort_due <  today
--   IN_PROGRESS_IN_TERM  <=> status in ('NEW','IN_PROGRESS') and sort_due >= today
-- (TaskState.predicate over the partial indexes task_open_at_k, and the open tasks of the current
-- month in the per-province statistics over task_open_month): the function call would hide the
-- range on sort_due from the planner.

-- The live tally (V7) stores each task's outcome as it will stay, whatever today is: ON_TIME, LATE,
-- or OPEN for a task not done, split into in term and overdue when read (by month, and at today for
-- the current month). That is the function's state as of the end of time, under the tally's labels.
create function danvan_task_tally_outcome(due_date date, completed_on date) returns text
  language sql immutable parallel safe
  as $$
    select case danvan_task_outcome(due_date, completed_on, 'infinity')
      when 'DONE_ON_TIME' then 'ON_TIME'
      when 'DONE_LATE' then 'LATE'
      else 'OPEN'
    end
  $$;

-- The same trigger function as in V7 with the outcome taken from the rule above (same labels, same
-- rows: the tally already written stays right).
create or replace function danvan_task_tally() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'INSERT' then
      insert into task_tally as x (province_id, due_month, outcome, n)
      select k, m, o, sum(d) from (
        select coalesce(unit_at_2, lead_unit_id) k, date_trunc('month', due_date)::date m,
               danvan_task_tally_outcome(due_date, completed_on) o, 1 d
          from new_rows where status <> 'CANCELLED' and recurrence_frequency is null) c
      group by k, m, o order by k, m, o
      on conflict (province_id, due_month, outcome) do update set n = x.n + excluded.n;
    elsif tg_op = 'DELETE' then
      insert into task_tally as x (province_id, due_month, outcome, n)
      select k, m, o, sum(d) from (
        select coalesce(unit_at_2, lead_unit_id) k, date_trunc('month', due_date)::date m,
               danvan_task_tally_outcome(due_date, completed_on) o, -1 d
          from old_rows where status <> 'CANCELLED' and recurrence_frequency is null) c
      group by k, m, o order by k, m, o
      on conflict (province_id, due_month, outcome) do update set n = x.n + excluded.n;
    else
      insert into task_tally as x (province_id, due_month, outcome, n)
      select k, m, o, sum(d) from (
        select coalesce(unit_at_2, lead_unit_id) k, date_trunc('month', due_date)::date m,
               danvan_task_tally_outcome(due_date, completed_on) o, 1 d
          from new_rows where status <> 'CANCELLED' and recurrence_frequency is null
        union all
        select coalesce(unit_at_2, lead_unit_id), date_trunc('month', due_date)::date,
               danvan_task_tally_outcome(due_date, completed_on), -1
          from old_rows where status <> 'CANCELLED' and recurrence_frequency is null) c
      group by k, m, o having sum(d) <> 0 order by k, m, o
      on conflict (province_id, due_month, outcome) do update set n = x.n + excluded.n;
    end if;
    return null;
  end $$;
