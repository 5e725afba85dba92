-- Issue 9 §4: task statistics as of a past day count each task under the unit that led it on that
-- day. Until now a restructuring (or a PUT) overwrote the lead unit and its path on the task row, so a
-- district's past figures lost the wards whose open tasks had moved and a city's past figures showed
-- units that did not exist yet. The lead-unit history is kept from now on:
--  * task.lead_since: the day the current lead unit (and its place in the tree) took effect; null
--    means since the task was assigned. Whoever changes the lead unit or its path sets it: a transfer
--    to the restructuring's effective date, a PUT to the day of the change, a unit moved in the tree
--    to the day it moved.
--  * task_lead_history: one row per period (lead unit, its path then, valid_from, valid_to
--    exclusive); the row in force has valid_to null and mirrors the task row. Kept by statement
--    triggers in the writing transaction, so every write path (create, bulk, delegation,
--    occurrences, PUT, transfer) records it.
-- Statistics as of a day read the task row when its lead was already in force that day (lead_since
-- <= day, still the covering index task_stats) and add the closed periods valid that day, which exist
-- only for tasks whose lead unit or path changed (indexes task_lead_history_past_*). The tally (today's
-- country by province) keeps counting by the task row; tasks whose lead changes only in the future
-- are corrected from this table when it is read.
alter table task add column lead_since date;

create table task_lead_history (
  task_id         uuid not null references task(id) on delete cascade,
  lead_unit_id    uuid not null references org_unit(id),
  lead_unit_path  uuid[] not null,
  unit_at_2       uuid generated always as (lead_unit_path[2]) stored,
  unit_at_3       uuid generated always as (lead_unit_path[3]) stored,
  unit_at_4       uuid generated always as (lead_unit_path[4]) stored,
  -- null: since the task was assigned
  valid_from      date,
  -- exclusive; null: in force
  valid_to        date,
  check (lead_unit_path[array_length(lead_unit_path, 1)] = lead_unit_id),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create unique index task_lead_history_current on task_lead_history (task_id) where valid_to is null;
create index task_lead_history_task on task_lead_history (task_id, valid_from);
-- closed periods of a subtree valid on a past day, without the heap
create index task_lead_history_past_at on task_lead_history (unit_at_2, unit_at_3, unit_at_4, valid_to)
  include (valid_from, lead_unit_id, task_id) where valid_to is not null;
-- closed periods still valid on a day (today: only leads that change in the future)
create index task_lead_history_past_to on task_lead_history (valid_to)
  include (valid_from, unit_at_2, unit_at_3, unit_at_4, lead_unit_id, task_id) where valid_to is not null;
-- tasks whose current lead starts after a day (today's tally correction)
create index task_lead_since on task (lead_since) where lead_since is not null;

-- the statistics' covering index also carries lead_since (same key, same rows)
drop index task_stats;
create index task_stats on task (unit_at_2, unit_at_3, unit_at_4)
  include (due_date, completed_on, assigned_on, directive_id, lead_since)
  where status <> 'CANCELLED' and recurrence_frequency is null;

-- What existing rows tell: a transferred task was led by the unit it came from (with that unit's
-- path the day before) until the transfer's date.
insert into task_lead_history (task_id, lead_unit_id, lead_unit_path, valid_from, valid_to)
select t.id, t.transferred_from_unit_id, v.path, null, greatest(t.transferred_on, t.assigned_on)
  from task t
  join lateral (select v.path from org_unit_version v
                 where v.unit_id = t.transferred_from_unit_id and v.valid_from < t.transferred_on
                 order by v.valid_from desc limit 1) v on true
 where t.transferred_from_unit_id is not null and t.transferred_on is not null;
update task t set lead_since = h.valid_to from task_lead_history h where h.task_id = t.id;
insert into task_lead_history (task_id, lead_unit_id, lead_unit_path, valid_from)
select id, lead_unit_id, lead_unit_path, lead_since from task;

create function danvan_task_lead() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'INSERT' then
      insert into task_lead_history (task_id, lead_unit_id, lead_unit_path, valid_from)
      select id, lead_unit_id, lead_unit_path, lead_since from new_rows;
      return null;
    end if;
    if exists (select 1 from new_rows n join old_rows o on o.id = n.id
                where (n.lead_unit_id <> o.lead_unit_id or n.lead_unit_path <> o.lead_unit_path)
                  and (n.lead_since is null or n.lead_since < coalesce(o.lead_since, n.lead_since))) then
      raise exception 'task lead unit changed without the day it takes effect (lead_since)';
    end if;
    update task_lead_history h set valid_to = n.lead_since
      from new_rows n join old_rows o on o.id = n.id
     where h.task_id = n.id and h.valid_to is null
       and (n.lead_unit_id <> o.lead_unit_id or n.lead_unit_path <> o.lead_unit_path);
    insert into task_lead_history (task_id, lead_unit_id, lead_unit_path, valid_from)
    select n.id, n.lead_unit_id, n.lead_unit_path, n.lead_since
      from new_rows n join old_rows o on o.id = n.id
     where n.lead_unit_id <> o.lead_unit_id or n.lead_unit_path <> o.lead_unit_path;
    return null;
  end $$;

create trigger task_lead_insert after insert on task referencing new table as new_rows
  for each statement execute function danvan_task_lead();
create trigger task_lead_update after update on task referencing old table as old_rows new table as new_rows
  for each statement execute function danvan_task_lead();
