-- The national benchmark data set (issue 15), written through the application's own schema.
--
--   psql -v ON_ERROR_STOP=1 [-v tasks=1000000] [-v visits=2000000] [-v directives=50000] \
--        [-v chunk=100000] [-v today=YYYY-MM-DD] [-v commit=false] -f src/bench/load.sql
--
-- Run it against the database of the packaged application after one start with
-- DANVAN_DEMO_NATIONAL_DATASET=true (schema migrated by Flyway, demo data and the national tree of
-- 2025-07-01 loaded), preferably while nothing else writes (see "indexes" below). It adds:
--   * :tasks tasks led by the current communes (60 % done on time or late, 5 % cancelled, 35 % open;
--     due dates 2024-01-01 .. 2027-12-31), one in 20 with a coordinating commune, and one
--     change-log entry (TASK, UPSERT) per task, so the change feed has as many entries to walk;
--   * :visits reception visits 2025-01-01 .. min(today, 2026-11-30) over the communes and provinces
--     of the day (the tree before 2025-07-01 for earlier days), 30 % with a case (complaints,
--     denunciations, petitions, feedback) whose legal deadlines follow the default rules of
--     application.properties (danvan.reception.deadlines.*) over the business calendar;
--   * :directives documents: the Government's resolutions (some owed by every commune of the
--     country), provinces' documents (some owed by their communes), the communes' implementing
--     plans (IMPLEMENTS references that fulfil the obligations, on time or late) and other
--     documents of the communes, numbered in each issuer's register after the numbers it already has;
--   * the quarterly regime BENCH-QUY-XA (the demo template, collected by Bộ Nội vụ from every
--     commune) with submissions and frozen versions of 2025Q1 .. 2026Q4 for the communes of each
--     period's first day (the old communes for 2025Q1-Q2): most accepted, some late, returned,
--     awaiting a decision, still drafts or missing; 2026Q4 is not yet due.
--
-- Variables (psql -v): tasks, visits, directives (row counts), chunk (rows per statement, bounds
-- memory and transition tables), today (the load's "today", default today in Asia/Ho_Chi_Minh:
-- statuses and dates never lie after it), commit (false: everything is rolled back, for trials).
--
-- A generated reference load: it writes NO audit events (nobody did these things), only the
-- change-log entries of the tasks. Ids are deterministic (b0…/b1…/… prefixes below) and so is every
-- value (arithmetic on the row number, no random()). Everything runs in ONE transaction: it loads
-- completely or not at all, and refuses to run twice (the first generated task or the regime is
-- there).
--
-- Through the schema: every check, foreign key, generated column and trigger (the task tally, the
-- lead history) works as for the application's own writes; nothing is disabled. Indexes: the
-- secondary non-unique indexes of the tables filled here (task, task_lead_history, task_coordinator,
-- change_log, reception_visit, reception_case, directive, directive_obligation, directive_reference,
-- report_submission, report_submission_version) are dropped at the start and recreated from their own
-- definitions (pg_get_indexdef) at the end of the same transaction, since building them once is
-- several times cheaper than maintaining them row by row (the trigram indexes above all). Unique
-- and primary-key indexes stay and check every row. The tables are locked for the duration.
--
-- Not generated: audit events; change-log entries of anything but the tasks; visitors' personal
-- data (it is AES-GCM ciphertext sealed with the installation's key, which SQL cannot produce: the
-- generated visits carry no visitors, like the anonymous ones) and the ID-number hashes; reception
-- sessions; task due-date history rows, progress reports and extensions; directive recipients.

\set ON_ERROR_STOP 1
\if :{?tasks} \else \set tasks 1000000 \endif
\if :{?visits} \else \set visits 2000000 \endif
\if :{?directives} \else \set directives 50000 \endif
\if :{?chunk} \else \set chunk 100000 \endif
\if :{?commit} \else \set commit true \endif
\if :{?today} \else
select to_char((now() at time zone 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') as today \gset
\endif
\pset footer off
\timing off

select exists (select 1 from task where id = 'b0000000-0000-4000-8000-000000000000')
    or exists (select 1 from reporting_regime where code = 'BENCH-QUY-XA') as already_loaded \gset
\if :already_loaded
\echo 'The benchmark data set is already loaded (task b0000000-… or regime BENCH-QUY-XA exists): nothing done.'
\quit
\endif

\echo 'Loading' :tasks 'tasks,' :visits 'visits,' :directives 'directives; today =' :today
set temp_buffers = '256MB';
begin;
set local synchronous_commit = off;
set local maintenance_work_mem = '1GB';
set local work_mem = '256MB';
create temp table bench_step (step text primary key, started timestamptz not null,
                              ended timestamptz, rows bigint);
create temp table bench_var (today date not null);
insert into bench_var values (date :'today');
insert into bench_step values ('total', clock_timestamp());

-- ---------------------------------------------------------------- units and calendar
-- the current communes (the 3,321 of 2025-07-01), numbered
create temp table bench_commune as
select (row_number() over (order by v.unit_id) - 1)::int as rn, v.unit_id, v.path
  from org_unit_version v join org_unit u on u.id = v.unit_id
 where v.kind = 'COMMUNE' and v.valid_to is null and u.valid_to is null;
create unique index on bench_commune (rn);
select count(*) as communes from bench_commune \gset
create temp table bench_province as
select (row_number() over (order by v.unit_id) - 1)::int as rn, v.unit_id, v.path,
       greatest(v.valid_from, date '2024-01-01') as since
  from org_unit_version v join org_unit u on u.id = v.unit_id
 where v.kind = 'PROVINCE' and v.valid_to is null and u.valid_to is null;
select count(*) as provinces from bench_province \gset
\echo :communes 'current communes,' :provinces 'current provinces'

-- reception units by era (before / from 2025-07-01) and level: the communes and provinces of the day
create temp table bench_rcp as
select era, prov, (row_number() over (partition by era, prov order by unit_id) - 1)::int as rn,
       unit_id, path
  from (select e.era, v.kind = 'PROVINCE' as prov, v.unit_id, v.path
          from (values (false, date '2025-06-30'), (true, date :'today')) e(era, day)
          join org_unit_version v on v.kind in ('COMMUNE', 'PROVINCE')
           and v.valid_from <= e.day and (v.valid_to is null or v.valid_to >= e.day)) x;
create unique index on bench_rcp (era, prov, rn);
create temp table bench_rcp_n as
select era, prov, count(*)::int as n from bench_rcp group by era, prov;

-- the business calendar as a table: working days numbered, the working day on or after each day
create temp table bench_day as
with d as (select d::date as d, danvan_is_working_day(d::date) as w
             from generate_series(date '2023-12-01', date '2029-01-31', interval '1 day') d)
select d.d, d.w, count(*) filter (where d.w) over (order by d.d)::int as ord,
       (select min(x.d) from d x where x.d >= d.d and x.w) as next_wd
  from d;
create unique index on bench_day (d);
create temp table bench_wd as select ord, d from bench_day where w;
create unique index on bench_wd (ord);

-- ---------------------------------------------------------------- indexes off
create temp table bench_index as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
  from pg_index i
 where i.indrelid in ('task'::regclass, 'task_lead_history'::regclass, 'change_log'::regclass,
                      'task_coordinator'::regclass, 'reception_visit'::regclass,
                      'reception_case'::regclass, 'directive'::regclass, 'directive_obligation'::regclass,
                      'directive_reference'::regclass, 'report_submission'::regclass,
                      'report_submission_version'::regclass, 'reception_visit_tally'::regclass,
                      'reception_case_tally'::regclass)
   and not i.indisunique and not i.indisexclusion
   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
select count(*) as dropped_indexes from bench_index \gset
\echo 'secondary indexes dropped until the end:' :dropped_indexes
select format('drop index %s', name) from bench_index \gexec

-- ---------------------------------------------------------------- tasks and their change log
-- g: 0-based row number; due dates over 2024-01-01 .. 2027-12-31 (1,461 days), scattered
insert into bench_step values ('tasks', clock_timestamp());
create temp table bench_chunk (lo bigint, hi bigint);
insert into bench_chunk values (0, -1);
create temp view bench_task_v as
select g, u.unit_id, u.path, x.d,
       case when g % 20 < 12 then 'DONE' when g % 20 = 12 then 'CANCELLED'
            when g % 20 < 16 then 'IN_PROGRESS' else 'NEW' end as status,
       least(x.d - 30, v.today - 10) as assigned_on, v.today
  from bench_chunk c cross join bench_var v
 cross join lateral generate_series(c.lo, c.hi) g
 cross join lateral (select date '2024-01-01' + (g * 7919 % 1461)::int as d) x
  join bench_commune u on u.rn = g % :communes;

select format('update bench_chunk set lo = %s, hi = %s', lo, least(lo + :chunk, :tasks) - 1),
       'with t as (
          insert into task (id, title, description, lead_unit_id, lead_unit_path, responsible_person,
            assigning_unit_id, expected_result, assigned_on, due_date, original_due_date, priority,
            status, completed_on, cancel_reason, progress, created_at, updated_at)
          select (''b0000000-0000-4000-8000-'' || lpad(to_hex(g), 12, ''0''))::uuid,
                 ''Nhiệm vụ dân vận số '' || g,
                 ''Triển khai công tác dân vận chính quyền'', unit_id, path,
                 ''Chủ tịch UBND'', null, ''Báo cáo kết quả thực hiện'', assigned_on, d, d,
                 case g % 20 when 3 then ''URGENT'' when 7 then ''HIGH'' when 17 then ''HIGH''
                   when 13 then ''LOW'' else ''NORMAL'' end,
                 status,
                 -- done: 3 days early .. 7 days late, never after today
                 case when status = ''DONE'' then least(d - 3 + (g * 13 % 11)::int, today) end,
                 case when status = ''CANCELLED'' then ''Thôi thực hiện theo chỉ đạo'' end,
                 case status when ''DONE'' then 100 when ''IN_PROGRESS'' then 10 + (g % 9) * 10
                   else 0 end,
                 (assigned_on + time ''08:00'') at time zone ''Asia/Ho_Chi_Minh'',
                 (assigned_on + time ''08:00'') at time zone ''Asia/Ho_Chi_Minh''
            from bench_task_v order by g
          returning id, version, lead_unit_id, lead_unit_path)
        insert into change_log (entity_type, entity_id, operation, entity_version, unit_id, unit_path)
        select ''TASK'', id, ''UPSERT'', version, lead_unit_id, lead_unit_path from t order by id'
  from generate_series(0, :tasks - 1, :chunk) lo \gexec

-- a coordinating commune (another one, 7 places further) for one task in 20
insert into task_coordinator (task_id, unit_id, unit_path)
select ('b0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, u.unit_id, u.path
  from generate_series(5::bigint, :tasks - 1, 20) g
  join bench_commune u on u.rn = (g + 7) % :communes
 where :communes > 1;
update bench_step set ended = clock_timestamp(), rows = (select count(*) from task where id >= 'b0000000-0000-4000-8000-000000000000' and id < 'b0000000-0000-4000-8001-000000000000') where step = 'tasks';
select step, rows, ended - started as took from bench_step where step = 'tasks';

-- ---------------------------------------------------------------- reception visits and cases
-- mix: pseudo-random digits of g (Knuth's multiplicative hash), cut into independent draws
insert into bench_step values ('reception', clock_timestamp());
create temp view bench_visit_v as
select g, m, u.unit_id, u.path, x.day, x.kind, x.field,
       (x.day + time '07:00' + (m / 7 % 36) * interval '15 minutes') at time zone 'Asia/Ho_Chi_Minh' as recv_at,
       g % 10 in (1, 4, 7) as has_case,
       case when m / 140 % 100 < 3 then 5 + (g % 6)::int
            when m / 140 % 100 = 3 then 11 + (g % 40)::int else 1 end as group_size,
       case when m / 140 % 100 < 3 then 1 + (g % 2)::int
            when m / 140 % 100 = 3 then 1 + (g % 5)::int else 0 end as representatives,
       v.today
  from bench_chunk c cross join bench_var v
 cross join lateral generate_series(c.lo, c.hi) g
 cross join lateral (select g * 2654435761 % 4294967291 as m) h
 cross join lateral (
   select d.day,
          case when m % 20 < 6 then 'COMPLAINT' when m % 20 < 8 then 'DENUNCIATION'
               when m % 20 < 15 then 'PETITION' else 'FEEDBACK' end as kind,
          (array['LAND', 'COMPENSATION_RESETTLEMENT', 'SOCIAL_POLICY', 'JUSTICE', 'CORRUPTION',
                 'PUBLIC_SERVICE_ATTITUDE', 'OTHER'])[1 + (m / 20 % 7)::int] as field,
          d.day >= date '2025-07-01' as era, m / 3000 % 100 < 8 as prov
     from (select date '2025-01-01' + (g * 7919 % (least(v.today, date '2026-11-30') - date '2025-01-01' + 1))::int as d0) d0
    cross join lateral (select d0.d0 - case extract(isodow from d0.d0) when 6 then 1 when 7 then 2 else 0 end as day) d) x
  join bench_rcp_n n on n.era = x.era and n.prov = x.prov
  join bench_rcp u on u.era = x.era and u.prov = x.prov and u.rn = g % n.n;
create temp table bench_visit (like bench_visit_v);

-- a case's life by its age on today: old ones closed or resolved, recent ones received or accepted
create temp view bench_case_v as
select b.*, s.status,
       case when s.status in ('ACCEPTED', 'RESOLVED', 'CLOSED')
            then least(b.day + (m / 19 % 12)::int, b.today) end as accepted
  from bench_visit b
 cross join lateral (select b.today - b.day as age, m / 17 % 100 as r) a
 cross join lateral (select case
     when r < 5 then 'TRANSFERRED'
     when age >= 90 then case when r < 65 then 'CLOSED' when r < 88 then 'RESOLVED'
                              when r < 95 then 'ACCEPTED' else 'RECEIVED' end
     when age >= 30 then case when r < 25 then 'RESOLVED' when r < 35 then 'CLOSED'
                              when r < 85 then 'ACCEPTED' else 'RECEIVED' end
     else case when r < 50 then 'RECEIVED' when r < 90 then 'ACCEPTED' else 'RESOLVED' end
   end as status) s
 where b.has_case;

select format('update bench_chunk set lo = %s, hi = %s', lo, least(lo + :chunk, :visits) - 1),
       'truncate bench_visit',
       'insert into bench_visit select * from bench_visit_v',
       'insert into reception_case (id, unit_id, unit_path, kind, field, title, instance, status,
          complex, remote_area, group_case, received_date, accepted_date, resolved_date,
          resolution_decision, transferred_to, closed_date, acceptance_due_date, resolution_due_date,
          created_at, updated_at)
        select (''b2000000-0000-4000-8000-'' || lpad(to_hex(g), 12, ''0''))::uuid, unit_id, path,
               kind, field, summary, instance, status, complex, remote, group_size >= 5, day, accepted,
               resolved, case when resolved is not null then ''Quyết định số '' || (1 + g % 900) || ''/QĐ-UBND'' end,
               case when status = ''TRANSFERRED'' then ''Thanh tra tỉnh'' end, closed,
               case kind when ''COMPLAINT'' then (select next_wd from bench_day where d = day + 10)
                         when ''DENUNCIATION'' then (select w.d from bench_day x join bench_wd w on w.ord = x.ord + 7 where x.d = day) end,
               case when accepted is null then null
                    when kind = ''COMPLAINT'' then (select next_wd from bench_day where d = accepted +
                      case when instance = ''FIRST'' then case when remote and complex then 60 when remote or complex then 45 else 30 end
                           else case when remote and complex then 70 when remote or complex then 60 else 45 end end)
                    when kind = ''DENUNCIATION'' then (select next_wd from bench_day where d = accepted + 30) end,
               recv_at, (coalesce(closed, resolved, accepted, day) + time ''09:00'') at time zone ''Asia/Ho_Chi_Minh''
          from (select c.*, s.*,
                       case when status in (''RESOLVED'', ''CLOSED'') then least(accepted + 15 + (m / 23 % 50)::int, today) end as resolved
                  from bench_case_v c
                 cross join lateral (select
                        case when kind = ''COMPLAINT'' and m / 3 % 10 = 0 then ''SECOND'' else ''FIRST'' end as instance,
                        kind in (''COMPLAINT'', ''DENUNCIATION'') and m / 11 % 10 = 0 as complex,
                        m / 13 % 20 = 0 as remote,
                        case kind when ''COMPLAINT'' then ''Khiếu nại'' when ''DENUNCIATION'' then ''Tố cáo''
                          when ''PETITION'' then ''Kiến nghị'' else ''Phản ánh'' end || '' về '' ||
                        case field when ''LAND'' then ''đất đai'' when ''COMPENSATION_RESETTLEMENT'' then ''bồi thường, tái định cư''
                          when ''SOCIAL_POLICY'' then ''chính sách xã hội'' when ''JUSTICE'' then ''tư pháp''
                          when ''CORRUPTION'' then ''tham nhũng'' when ''PUBLIC_SERVICE_ATTITUDE'' then ''thái độ phục vụ''
                          else ''việc khác'' end || '', hồ sơ số '' || g as summary) s) c
         cross join lateral (select case when status = ''CLOSED'' then least(resolved + 3 + (m / 29 % 10)::int, today) end as closed) k
         order by g',
       'insert into reception_visit (id, unit_id, unit_path, received_at, received_date, content_kind,
          field, summary, group_size, representatives, anonymous, outcome, transfer_target,
          refusal_reason, case_id, created_at, updated_at)
        select (''b1000000-0000-4000-8000-'' || lpad(to_hex(g), 12, ''0''))::uuid, unit_id, path, recv_at, day,
               kind, field,
               case kind when ''COMPLAINT'' then ''Khiếu nại'' when ''DENUNCIATION'' then ''Tố cáo''
                 when ''PETITION'' then ''Kiến nghị'' else ''Phản ánh'' end || '' về '' ||
               case field when ''LAND'' then ''đất đai'' when ''COMPENSATION_RESETTLEMENT'' then ''bồi thường, tái định cư''
                 when ''SOCIAL_POLICY'' then ''chính sách xã hội'' when ''JUSTICE'' then ''tư pháp''
                 when ''CORRUPTION'' then ''tham nhũng'' when ''PUBLIC_SERVICE_ATTITUDE'' then ''thái độ phục vụ''
                 else ''việc khác'' end || '', hồ sơ số '' || g,
               group_size, representatives,
               kind = ''DENUNCIATION'' and not has_case and group_size = 1 and m / 1400 % 5 = 0,
               o.outcome,
               case when o.outcome = ''TRANSFERRED'' then case when m % 2 = 0 then ''Thanh tra tỉnh''
                 else ''Tòa án nhân dân khu vực'' end end,
               case when o.outcome = ''REFUSED'' then ''Nội dung đã được giải quyết đúng chính sách, pháp luật'' end,
               case when has_case then (''b2000000-0000-4000-8000-'' || lpad(to_hex(g), 12, ''0''))::uuid end,
               recv_at, recv_at
          from bench_visit
         cross join lateral (select case when has_case then ''ACCEPTED_FOR_RESOLUTION''
                 else (array[''RETURNED_WITH_GUIDANCE'', ''RETURNED_WITH_GUIDANCE'', ''RETURNED_WITH_GUIDANCE'',
                             ''TRANSFERRED'', ''TRANSFERRED'', ''ANSWERED_DIRECTLY'', ''ANSWERED_DIRECTLY'',
                             ''ANSWERED_DIRECTLY'', ''ANSWERED_DIRECTLY'', ''REFUSED''])[1 + (m / 7000 % 10)::int]
                 end as outcome) o
         order by g'
  from generate_series(0, :visits - 1, :chunk) lo \gexec

update bench_step set ended = clock_timestamp(),
       rows = (select count(*) from reception_visit where id >= 'b1000000-0000-4000-8000-000000000000' and id < 'b1000000-0000-4000-8001-000000000000')
 where step = 'reception';
select step, rows as visits,
       (select count(*) from reception_case where id >= 'b2000000-0000-4000-8000-000000000000' and id < 'b2000000-0000-4000-8001-000000000000') as cases,
       ended - started as took
  from bench_step where step = 'reception';

-- ---------------------------------------------------------------- directives
-- seq numbers the generated documents: the Government's and central bodies' (0 ..), the provinces',
-- the communes' implementing plans, then the communes' other documents; id b3…-seq
insert into bench_step values ('directives', clock_timestamp());
create function pg_temp.bench_id(prefix text, n bigint) returns uuid
  language sql immutable
  as $$ select (prefix || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;
create function pg_temp.bench_name(n bigint) returns text
  language sql immutable
  as $$ select (array['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng',
                      'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'])[1 + n % 16]
         || ' ' || (array['Văn', 'Thị', 'Hữu', 'Ngọc', 'Đức', 'Thu', 'Minh', 'Thanh'])[1 + n / 16 % 8]
         || ' ' || (array['An', 'Bình', 'Cường', 'Dung', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai',
                          'Nam', 'Phương', 'Quang', 'Sơn', 'Thảo', 'Tuấn'])[1 + n / 128 % 16] $$;
select greatest(:directives / 250, 1) as n_central, greatest(:directives / 4000, 1) as n_owed,
       :directives / 10 as n_province \gset
create temp table bench_dir (seq bigint primary key, unit_id uuid not null, path uuid[] not null,
  issue_date date not null, type text not null, symbol text not null, signer_title text not null,
  authority text not null, targets text, okind text, odue date, number int);
-- the Government (the documents every commune owes a plan for), the Prime Minister, the ministry
-- and the inspectorate
create temp table bench_central as
select c.rn, v.unit_id, v.path, c.type, c.symbol, c.title, c.authority
  from (values (0, '00000000-0000-4000-8000-000000000000'::uuid, 'NGHI_QUYET', 'NQ-CP', 'Thủ tướng Chính phủ', 'TM'),
               (1, '00000000-0000-4000-8000-000000000001'::uuid, 'CHI_THI', 'CT-TTg', 'Thủ tướng', 'DIRECT'),
               (2, '00000000-0000-4000-8000-000000000003'::uuid, 'HUONG_DAN', 'HD-BNV', 'Bộ trưởng', 'DIRECT'),
               (3, '00000000-0000-4000-8000-000000000002'::uuid, 'KE_HOACH', 'KH-TTCP', 'Tổng Thanh tra Chính phủ', 'DIRECT'))
       c(rn, unit_id, type, symbol, title, authority)
  join org_unit_version v on v.unit_id = c.unit_id and v.valid_to is null;
insert into bench_dir (seq, unit_id, path, issue_date, type, symbol, signer_title, authority, targets, okind, odue)
select i, c.unit_id, c.path, x.d, c.type, c.symbol, c.title, c.authority,
       case when owed then 'DESCENDANT_UNITS_OF_KIND' end, case when owed then 'COMMUNE' end,
       case when owed then x.d + 45 end
  from generate_series(0, :n_central - 1) i cross join bench_var v
 cross join lateral (select i < :n_owed and v.today > date '2025-08-01' as owed) o
  join bench_central c on c.rn = case when owed then 0 else i % 4 end
 cross join lateral (select case when owed
     then date '2025-07-01' + (i * 37 % (v.today - date '2025-08-01'))::int
     else date '2024-01-01' + (i * 7919 % (v.today - date '2024-01-01' + 1))::int end as d) x;
-- the provinces: one document in 25 owed by the province's communes (issued from 2025-07-01)
insert into bench_dir (seq, unit_id, path, issue_date, type, symbol, signer_title, authority, targets, okind, odue)
select :n_central + i, p.unit_id, p.path, x.d, t.type, t.symbol,
       case when i % 3 = 1 then 'Phó Chủ tịch' else 'Chủ tịch' end,
       case when i % 3 = 1 then 'KT' else 'TM' end,
       case when owed then 'CHILD_UNITS_OF_KIND' end, case when owed then 'COMMUNE' end,
       case when owed then x.d + 30 end
  from generate_series(0, :n_province - 1) i cross join bench_var v
  join bench_province p on p.rn = i % :provinces
 cross join lateral (select i % 25 = 0 and v.today > date '2025-07-21' as owed) o
 cross join lateral (select case when owed
     then date '2025-07-01' + (i * 31 % (v.today - date '2025-07-21'))::int
     else p.since + (i * 7919 % (v.today - p.since + 1))::int end as d) x
 cross join lateral (select (array['KE_HOACH', 'CONG_VAN', 'THONG_BAO', 'QUYET_DINH', 'CHI_THI'])[k] as type,
                            (array['KH-UBND', 'UBND-VP', 'TB-UBND', 'QĐ-UBND', 'CT-UBND'])[k] as symbol
                       from (select case when owed then 1 else 1 + (i / 34 % 5)::int end as k) k) t;
-- the obligations (units of the kind on the issue date, as DirectiveObligationService resolves them)
-- and, for six in ten, the obliged commune's plan: issued 0-59 days after the directive (late past
-- the due date), if not after today
create temp table bench_obl as
select o.*, h % 100 < 60 and issue_date + (h / 100 % 60)::int <= today as planned,
       issue_date + (h / 100 % 60)::int as plan_date
  from (select row_number() over (order by d.seq, v.unit_id) as k, d.seq, d.issue_date, d.odue,
               v.unit_id, v.path, b.today
          from bench_dir d cross join bench_var b
          join org_unit_version v on v.kind = d.okind and v.valid_from <= d.issue_date
           and (v.valid_to is null or v.valid_to >= d.issue_date)
           and case d.targets when 'DESCENDANT_UNITS_OF_KIND' then v.path @> array[d.unit_id] and v.unit_id <> d.unit_id
                              else v.parent_id = d.unit_id end
          join org_unit u on u.id = v.unit_id and u.valid_from <= d.issue_date
           and (u.valid_to is null or u.valid_to >= d.issue_date)
         where d.targets is not null) o
 cross join lateral (select k * 2654435761 % 4294967291 as h) h;
alter table bench_obl add column plan_seq bigint;
update bench_obl o set plan_seq = n.s
  from (select k, (select coalesce(max(seq), -1) from bench_dir) + row_number() over (order by k) as s
          from bench_obl where planned) n
 where n.k = o.k;
insert into bench_dir (seq, unit_id, path, issue_date, type, symbol, signer_title, authority)
select plan_seq, unit_id, path, plan_date, 'KE_HOACH', 'KH-UBND', 'Chủ tịch', 'TM'
  from bench_obl where planned;
-- the communes' other documents, up to :directives in all
select greatest(0, :directives - count(*)) as n_commune, coalesce(max(seq), -1) + 1 as commune_seq
  from bench_dir \gset
insert into bench_dir (seq, unit_id, path, issue_date, type, symbol, signer_title, authority)
select :commune_seq + i, u.unit_id, u.path,
       date '2025-07-01' + (i * 7919 % (v.today - date '2025-07-01' + 1))::int,
       (array['CONG_VAN', 'THONG_BAO', 'BAO_CAO'])[1 + (i % 3)::int],
       (array['UBND-VP', 'TB-UBND', 'BC-UBND'])[1 + (i % 3)::int], 'Chủ tịch', 'TM'
  from generate_series(0, :n_commune - 1) i cross join bench_var v
  join bench_commune u on u.rn = (i * 7) % :communes;
-- numbers in each issuer's register of the year, after those it already gave
update bench_dir d set number = n.number
  from (select d.seq, greatest(
                 coalesce((select c.last_number from directive_number_counter c
                            where c.unit_id = d.unit_id and c.year = extract(year from d.issue_date)
                              and c.series = 'NORMAL'), 0),
                 coalesce((select max(x.number) from directive x
                            where x.issuing_unit_id = d.unit_id
                              and x.issue_year = extract(year from d.issue_date)
                              and x.number_series = 'NORMAL'), 0))
               + row_number() over (partition by d.unit_id, extract(year from d.issue_date)
                                    order by d.issue_date, d.seq) as number
          from bench_dir d) n
 where n.seq = d.seq;
insert into directive (id, type, number, symbol, full_number, issuing_unit_id, issuing_unit_path,
  issue_date, title, signer_name, signer_title, signing_authority, urgency, secrecy, status,
  created_at, updated_at, obligation_targets, obligation_kind, obligation_due_date)
select pg_temp.bench_id('b3000000', seq), type, number, symbol,
       case when number < 10 then '0' || number else number::text end || '/' || symbol,
       unit_id, path, issue_date,
       case type when 'NGHI_QUYET' then 'Nghị quyết' when 'CHI_THI' then 'Chỉ thị'
         when 'HUONG_DAN' then 'Hướng dẫn' when 'KE_HOACH' then 'Kế hoạch' when 'CONG_VAN' then 'Công văn'
         when 'THONG_BAO' then 'Thông báo' when 'QUYET_DINH' then 'Quyết định' else 'Báo cáo' end
       || case when targets is not null then ' về tăng cường công tác dân vận chính quyền, đợt '
               else ' về công tác dân vận chính quyền, văn bản số ' end || seq,
       pg_temp.bench_name(seq), signer_title, authority,
       case when targets is not null then 'URGENT' else 'NORMAL' end, 'NONE', 'ISSUED',
       (issue_date + time '08:00') at time zone 'Asia/Ho_Chi_Minh',
       (issue_date + time '08:00') at time zone 'Asia/Ho_Chi_Minh',
       targets, okind, odue
  from bench_dir order by seq;
insert into directive_number_counter (unit_id, year, series, last_number)
select unit_id, extract(year from issue_date)::int, 'NORMAL', max(number)
  from bench_dir group by 1, 2 order by 1, 2
    on conflict (unit_id, year, series) do update
   set last_number = greatest(directive_number_counter.last_number, excluded.last_number);
insert into directive_obligation (id, directive_id, unit_id, due_date, fulfilled_by_id, fulfilled_on, created_at)
select pg_temp.bench_id('b4000000', k), pg_temp.bench_id('b3000000', seq), unit_id, odue,
       case when planned then pg_temp.bench_id('b3000000', plan_seq) end,
       case when planned then plan_date end,
       (issue_date + time '08:00') at time zone 'Asia/Ho_Chi_Minh'
  from bench_obl order by k;
insert into directive_reference (id, source_id, target_id, relation, created_at)
select pg_temp.bench_id('b5000000', k), pg_temp.bench_id('b3000000', plan_seq),
       pg_temp.bench_id('b3000000', seq), 'IMPLEMENTS',
       (plan_date + time '08:00') at time zone 'Asia/Ho_Chi_Minh'
  from bench_obl where planned order by k;
update bench_step set ended = clock_timestamp(), rows = (select count(*) from bench_dir) where step = 'directives';
select step, rows as directives,
       (select count(*) from bench_obl) as obligations,
       (select count(*) from bench_obl where planned) as plans,
       (select string_agg(pg_temp.bench_id('b3000000', seq)::text, ' ' order by seq) from bench_dir
         where targets = 'DESCENDANT_UNITS_OF_KIND' and seq < 3) as owed_by_every_commune,
       ended - started as took
  from bench_step where step = 'directives';

-- ---------------------------------------------------------------- report submissions
-- the quarterly regime of every commune of the country, collected by Bộ Nội vụ, on the demo
-- template (its latest published version); Decree 09 window (15th of the month before .. 14th of
-- the last month), communes due on the 20th of the last month, Bộ Nội vụ on the 5th after, locked
-- on the 15th after
insert into bench_step values ('reports', clock_timestamp());
select t.id as template_id, max(tv.number) as template_number
  from report_template t join report_template_version tv on tv.template_id = t.id and tv.status = 'PUBLISHED'
 where t.id = '00000000-0000-4b0c-9021-000000000001' group by t.id \gset
insert into reporting_regime (id, code, name, template_id, template_number, frequency, first_period,
  last_period, starts_on, ends_on, cut_off_start_months, cut_off_start_day, cut_off_end_months,
  cut_off_end_day, due_dates, lock_rule, collecting_unit_id, collecting_unit_path,
  reporting_targets, reporting_kind, reporting_of_unit_id, status, created_at, updated_at, version)
select 'b8000000-0000-4000-8000-000000000001', 'BENCH-QUY-XA',
       'Báo cáo quý công tác dân vận chính quyền của các xã, phường, đặc khu (tải chuẩn)',
       :'template_id', :template_number, 'QUARTERLY', '2025Q1', '2026Q4', date '2025-01-01',
       date '2026-12-31', -1, 15, 0, 14,
       '[{"level": "COMMUNE", "kind": "DAY_OF_MONTH", "monthsAfter": 0, "day": 20},
         {"level": "CENTRAL", "kind": "DAY_OF_MONTH", "monthsAfter": 1, "day": 5}]',
       '{"kind": "DAY_OF_MONTH", "monthsAfter": 1, "day": 15}',
       v.unit_id, v.path, 'DESCENDANT_UNITS_OF_KIND', 'COMMUNE', '00000000-0000-4000-8000-000000000000',
       'ACTIVE', now(), now(), 1
  from org_unit_version v
 where v.unit_id = '00000000-0000-4000-8000-000000000003' and v.valid_from <= date '2025-01-01'
   and (v.valid_to is null or v.valid_to >= date '2025-01-01');
create temp table bench_period as
select (row_number() over (order by y, q) - 1)::int as pi, y || 'Q' || q as code,
       make_date(y, 3 * q - 2, 1) as first_day,
       (select next_wd from bench_day where d = make_date(y, 3 * q, 20)) as due,
       (select next_wd from bench_day where d = (make_date(y, 3 * q, 1) + interval '1 month')::date + 14) as lock
  from generate_series(2025, 2026) y, generate_series(1, 4) q;
create temp table bench_ind as
select (row_number() over ())::int as i, x->>'code' as code, x->>'type' as type
  from report_template_version tv, jsonb_array_elements(tv.sections) s,
       jsonb_array_elements(coalesce(s->'indicators', '[]')) x
 where tv.template_id = :'template_id' and tv.number = :template_number;
-- per unit and period: due ones 4 % missing, 2 % drafts, 2 % returned, 7 % awaiting a decision, the
-- rest accepted (one in eight of them on a second version); 15 % first submitted late. Not yet
-- due (2026Q4): a tenth submitted early, a third drafts, the rest not started.
create temp table bench_sub as
with base as (
  select p.*, v.unit_id, v.path, b.today, row_number() over (order by p.pi, v.unit_id) as k
    from bench_period p cross join bench_var b
    join org_unit_version v on v.kind = 'COMMUNE' and v.valid_from <= p.first_day
     and (v.valid_to is null or v.valid_to >= p.first_day)
    join org_unit u on u.id = v.unit_id and u.valid_from <= p.first_day
     and (u.valid_to is null or u.valid_to >= p.first_day)),
hashed as (select base.*, k * 2654435761 % 4294967291 as h from base),
drawn as (
  select hashed.*, due > today as early, h / 100 % 100 < 15 as late,
         case when due > today then case when h % 100 < 10 then 'SUBMITTED' when h % 100 < 45 then 'DRAFT' end
              when h % 100 < 4 then null when h % 100 < 6 then 'DRAFT'
              when h % 100 < 8 then 'RETURNED' when h % 100 < 15 then 'SUBMITTED'
              else 'ACCEPTED' end as status,
         due <= today and h % 100 between 15 and 24 as two
    from hashed)
select drawn.*,
       case when status = 'DRAFT' then 0 when two then 2 else 1 end as versions,
       case when early then today - 1 - (h / 10000 % 5)::int
            when late then least(due + 1 + (h / 10000 % 7)::int, today)
            else due - (h / 10000 % 8)::int end as sent_on
  from drawn where status is not null;
-- the values of a version: 97 variants (by the submission's number) of one value per indicator
create temp table bench_values as
select x.x, n.n, jsonb_object_agg(i.code, jsonb_build_object(
         'value', case i.type when 'BOOLEAN' then to_jsonb((x.x + i.i) % 2 = 0)
                              when 'PERCENT' then to_jsonb(round(((x.x * 7 + i.i * 13 + n.n) % 1000) / 10.0, 1))
                              else to_jsonb((x.x * 31 + i.i * 17 + n.n) % 500) end,
         'computed', null, 'source', null, 'computedAt', null)) as v
  from generate_series(0, 96) x(x) cross join generate_series(1, 2) n(n) cross join bench_ind i
 group by x.x, n.n;
create unique index on bench_values (x, n);
insert into report_submission (id, regime_id, period, org_unit_id, org_unit_path, collecting_unit_id,
  collecting_unit_path, level, due_date, lock_date, template_id, template_number, status, "values",
  version_count, first_submitted_at, submitted_at, late, accepted_at, created_at, updated_at)
select pg_temp.bench_id('b6000000', s.k), r.id, s.code, s.unit_id, s.path, r.collecting_unit_id,
       r.collecting_unit_path, 'COMMUNE', s.due, s.lock, r.template_id, r.template_number, s.status,
       coalesce((select v.v from bench_values v where v.x = s.k % 97 and v.n = s.versions), '{}'),
       s.versions,
       case when s.versions > 0 then t.first_at end,
       case when s.versions > 0 then t.last_at end,
       case when s.versions > 0 then s.sent_on > s.due end,
       case when s.status = 'ACCEPTED' then t.last_at + interval '2 days' end,
       (s.sent_on - 10 + time '08:00') at time zone 'Asia/Ho_Chi_Minh',
       case when s.status = 'ACCEPTED' then t.last_at + interval '2 days'
            when s.versions > 0 then t.last_at + case when s.status = 'RETURNED' then interval '1 day' else interval '0' end
            else (s.sent_on - 10 + time '08:00') at time zone 'Asia/Ho_Chi_Minh' end
  from bench_sub s
  join reporting_regime r on r.id = 'b8000000-0000-4000-8000-000000000001'
 cross join lateral (select (s.sent_on + time '09:30') at time zone 'Asia/Ho_Chi_Minh' as first_at,
                            (s.sent_on + case when s.versions = 2 then 3 else 0 end + time '09:30')
                              at time zone 'Asia/Ho_Chi_Minh' as last_at) t
 order by s.k;
-- version 1: returned when a second followed (or the report stands returned), else as the report;
-- version 2: accepted
insert into report_submission_version (id, submission_id, number, template_number, "values", narratives,
  submitted_at, submitted_by, late, decision, decided_at, decision_comment)
select pg_temp.bench_id('b7000000', s.k * 2 + v.n), pg_temp.bench_id('b6000000', s.k), v.n,
       :template_number, v.v, '{}', t.sent_at, 'bench:load', s.sent_on + case when v.n = 2 then 3 else 0 end > s.due,
       d.decision,
       case when d.decision is not null then t.sent_at + case when d.decision = 'RETURNED' then interval '1 day' else interval '2 days' end end,
       case when d.decision = 'RETURNED' then 'Đề nghị bổ sung số liệu và thuyết minh các chỉ tiêu chưa đạt' end
  from bench_sub s join bench_values v on v.x = s.k % 97 and v.n <= s.versions
 cross join lateral (select (s.sent_on + case when v.n = 2 then 3 else 0 end + time '09:30')
                              at time zone 'Asia/Ho_Chi_Minh' as sent_at) t
 cross join lateral (select case when v.n < s.versions or s.status = 'RETURNED' then 'RETURNED'
                                 when s.status = 'ACCEPTED' then 'ACCEPTED' end as decision) d
 order by s.k, v.n;
update bench_step set ended = clock_timestamp(), rows = (select count(*) from bench_sub) where step = 'reports';
select step, rows as submissions,
       (select count(*) from report_submission_version where submission_id >= 'b6000000-0000-4000-8000-000000000000'
           and submission_id < 'b6000000-0000-4000-8001-000000000000') as versions,
       ended - started as took
  from bench_step where step = 'reports';
select code as period, due, count(*) filter (where status = 'ACCEPTED') as accepted,
       count(*) filter (where status = 'SUBMITTED') as submitted, count(*) filter (where status = 'RETURNED') as returned,
       count(*) filter (where status = 'DRAFT') as drafts, count(*) filter (where versions > 0 and sent_on > due) as late
  from bench_sub group by pi, code, due order by pi;

-- ---------------------------------------------------------------- indexes back, statistics
insert into bench_step values ('indexes', clock_timestamp());
select def from bench_index order by name \gexec
update bench_step set ended = clock_timestamp(), rows = :dropped_indexes where step = 'indexes';
select step, rows as indexes, ended - started as took from bench_step where step = 'indexes';

insert into bench_step values ('analyze', clock_timestamp());
analyze task;
analyze task_tally;
analyze task_lead_history;
analyze task_coordinator;
analyze change_log;
analyze reception_visit;
analyze reception_case;
analyze directive;
analyze directive_obligation;
analyze directive_reference;
analyze directive_number_counter;
analyze reporting_regime;
analyze report_submission;
analyze report_submission_version;
update bench_step set ended = clock_timestamp() where step = 'analyze';
update bench_step set ended = clock_timestamp() where step = 'total';

select step, rows, to_char(ended - started, 'MI:SS.MS') as took from bench_step order by started;
select (select count(*) from task) as tasks, (select count(*) from change_log) as changes,
       (select count(*) from reception_visit) as visits, (select count(*) from reception_case) as cases,
       (select count(*) from directive) as directives, (select count(*) from directive_obligation) as obligations,
       (select count(*) from report_submission) as submissions;

\if :commit
commit;
\echo 'Committed.'
\else
rollback;
\echo 'Rolled back (commit=false): nothing was kept.'
\endif
