-- Reception statistics from counts kept in the writing transaction (issue 15), as task_tally does
-- for tasks. A province over a year read 46,831 visits per request on the national data set
-- (55 ms); its whole months now read one row per unit, month and group (2,016 rows by unit).
--
-- One row per unit, stored path, month of received_date, dimension and key. A dimension is one
-- grouping of the statistics: TOTAL (by unit and by month read it) and CONTENT_KIND (the default).
-- By field and by outcome stay counted from the records: a commune's month holds about as many
-- combinations of those as records, so a tally of them would be as large as the records. The path
-- is the one the records store, so a tally row answers every unit filter and scope test exactly as
-- the records would.
--
-- Statement-level triggers keep them: every insert, update and delete adds its records' deltas,
-- grouped, upserted in key order (concurrent writers lock rows in the same order); an update that
-- changes nothing counted touches no row. A row whose counts fall to zero stays, and readers skip
-- groups without records. What depends on the day of the request (a case overdue today) is not
-- kept: it is counted from the open cases, through the partial indexes below.

create table reception_visit_tally (
  unit_id                  uuid not null,
  unit_path                uuid[] not null,
  month                    date not null,
  dimension                text not null check (dimension in ('TOTAL','CONTENT_KIND')),
  key                      text not null,
  visits                   bigint not null,
  people                   bigint not null,
  groups                   bigint not null,
  anonymous_denunciations  bigint not null
);

create table reception_case_tally (
  unit_id            uuid not null,
  unit_path          uuid[] not null,
  month              date not null,
  dimension          text not null check (dimension in ('TOTAL','CONTENT_KIND')),
  key                text not null,
  cases              bigint not null,
  accepted           bigint not null,
  resolved           bigint not null,
  resolved_on_time   bigint not null
);

-- The deltas of a statement's records: new rows count +1, old rows -1. The transition tables of
-- the trigger are visible to the EXECUTEd statement.
create function danvan_tally_delta(op text, columns text) returns text
  language sql immutable
  as $$
    select case op
      when 'INSERT' then format('select %s, 1 s from new_rows', columns)
      when 'DELETE' then format('select %s, -1 s from old_rows', columns)
      else format('select %1$s, 1 s from new_rows union all select %1$s, -1 from old_rows', columns)
    end
  $$;

create function danvan_reception_visit_tally() returns trigger
  language plpgsql
  as $$
  begin
    execute format($q$
      insert into reception_visit_tally as x
        (unit_id, unit_path, month, dimension, key, visits, people, groups, anonymous_denunciations)
      select r.unit_id, r.unit_path, date_trunc('month', r.received_date)::date, d.dimension, d.key,
             sum(r.s), sum(r.s * r.group_size), coalesce(sum(r.s) filter (where r.group_size >= 5), 0),
             coalesce(sum(r.s) filter (where r.content_kind = 'DENUNCIATION' and r.anonymous), 0)
        from (%s) r
        cross join lateral (values ('TOTAL', ''), ('CONTENT_KIND', r.content_kind)) d (dimension, key)
       group by 1, 2, 3, 4, 5
      having sum(r.s) <> 0 or sum(r.s * r.group_size) <> 0
          or coalesce(sum(r.s) filter (where r.group_size >= 5), 0) <> 0
          or coalesce(sum(r.s) filter (where r.content_kind = 'DENUNCIATION' and r.anonymous), 0) <> 0
       order by 1, 3, 4, 5, 2
      on conflict (unit_id, month, dimension, key, unit_path) do update
        set visits = x.visits + excluded.visits, people = x.people + excluded.people,
            groups = x.groups + excluded.groups,
            anonymous_denunciations = x.anonymous_denunciations + excluded.anonymous_denunciations
      $q$, danvan_tally_delta(tg_op,
        'unit_id, unit_path, received_date, content_kind, group_size, anonymous'));
    return null;
  end $$;

create function danvan_reception_case_tally() returns trigger
  language plpgsql
  as $$
  begin
    execute format($q$
      insert into reception_case_tally as x
        (unit_id, unit_path, month, dimension, key, cases, accepted, resolved, resolved_on_time)
      select r.unit_id, r.unit_path, date_trunc('month', r.received_date)::date, d.dimension, d.key,
             sum(r.s), coalesce(sum(r.s) filter (where r.accepted_date is not null), 0),
             coalesce(sum(r.s) filter (where r.resolved_date is not null), 0),
             coalesce(sum(r.s) filter (where r.resolved_date <= coalesce(r.resolution_due_date, r.resolved_date)), 0)
        from (%s) r
        cross join lateral (values ('TOTAL', ''), ('CONTENT_KIND', r.kind)) d (dimension, key)
       group by 1, 2, 3, 4, 5
      having sum(r.s) <> 0
          or coalesce(sum(r.s) filter (where r.accepted_date is not null), 0) <> 0
          or coalesce(sum(r.s) filter (where r.resolved_date is not null), 0) <> 0
          or coalesce(sum(r.s) filter (where r.resolved_date <= coalesce(r.resolution_due_date, r.resolved_date)), 0) <> 0
       order by 1, 3, 4, 5, 2
      on conflict (unit_id, month, dimension, key, unit_path) do update
        set cases = x.cases + excluded.cases, accepted = x.accepted + excluded.accepted,
            resolved = x.resolved + excluded.resolved,
            resolved_on_time = x.resolved_on_time + excluded.resolved_on_time
      $q$, danvan_tally_delta(tg_op,
        'unit_id, unit_path, received_date, kind, accepted_date, resolved_date, resolution_due_date'));
    return null;
  end $$;

create trigger reception_visit_tally_insert after insert on reception_visit
  referencing new table as new_rows for each statement execute function danvan_reception_visit_tally();
create trigger reception_visit_tally_update after update on reception_visit
  referencing old table as old_rows new table as new_rows
  for each statement execute function danvan_reception_visit_tally();
create trigger reception_visit_tally_delete after delete on reception_visit
  referencing old table as old_rows for each statement execute function danvan_reception_visit_tally();
create trigger reception_case_tally_insert after insert on reception_case
  referencing new table as new_rows for each statement execute function danvan_reception_case_tally();
create trigger reception_case_tally_update after update on reception_case
  referencing old table as old_rows new table as new_rows
  for each statement execute function danvan_reception_case_tally();
create trigger reception_case_tally_delete after delete on reception_case
  referencing old table as old_rows for each statement execute function danvan_reception_case_tally();

-- The records already there.
insert into reception_visit_tally
  (unit_id, unit_path, month, dimension, key, visits, people, groups, anonymous_denunciations)
select v.unit_id, v.unit_path, date_trunc('month', v.received_date)::date, d.dimension, d.key,
       count(*), sum(v.group_size), count(*) filter (where v.group_size >= 5),
       count(*) filter (where v.content_kind = 'DENUNCIATION' and v.anonymous)
  from reception_visit v
  cross join lateral (values ('TOTAL', ''), ('CONTENT_KIND', v.content_kind)) d (dimension, key)
 group by 1, 2, 3, 4, 5;
insert into reception_case_tally
  (unit_id, unit_path, month, dimension, key, cases, accepted, resolved, resolved_on_time)
select c.unit_id, c.unit_path, date_trunc('month', c.received_date)::date, d.dimension, d.key,
       count(*), count(*) filter (where c.accepted_date is not null),
       count(*) filter (where c.resolved_date is not null),
       count(*) filter (where c.resolved_date <= coalesce(c.resolution_due_date, c.resolved_date))
  from reception_case c
  cross join lateral (values ('TOTAL', ''), ('CONTENT_KIND', c.kind)) d (dimension, key)
 group by 1, 2, 3, 4, 5;
-- Keys and indexes after the records, built once (the triggers' upserts need the keys).
alter table reception_visit_tally add primary key (unit_id, month, dimension, key, unit_path);
alter table reception_case_tally add primary key (unit_id, month, dimension, key, unit_path);
create index reception_visit_tally_month on reception_visit_tally (dimension, month)
  include (unit_id, unit_path, key, visits, people, groups, anonymous_denunciations);
create index reception_visit_tally_province on reception_visit_tally ((unit_path[2]), dimension, month)
  include (unit_id, unit_path, key, visits, people, groups, anonymous_denunciations);
create index reception_visit_tally_path on reception_visit_tally using gin (unit_path);
create index reception_case_tally_month on reception_case_tally (dimension, month)
  include (unit_id, unit_path, key, cases, accepted, resolved, resolved_on_time);
create index reception_case_tally_province on reception_case_tally ((unit_path[2]), dimension, month)
  include (unit_id, unit_path, key, cases, accepted, resolved, resolved_on_time);
create index reception_case_tally_path on reception_case_tally using gin (unit_path);

-- The open cases a statistics request counts as overdue on its day, by date and by province.
create index reception_case_open_stats on reception_case (received_date)
  include (unit_id, unit_path, kind, field, accepted_date, resolved_date, acceptance_due_date, resolution_due_date)
  where status in ('RECEIVED','ACCEPTED');
create index reception_case_open_province_stats on reception_case ((unit_path[2]), received_date)
  include (unit_id, unit_path, kind, field, accepted_date, resolved_date, acceptance_due_date, resolution_due_date)
  where status in ('RECEIVED','ACCEPTED');

analyze reception_visit_tally;
analyze reception_case_tally;
