-- Cascade obligations (DESIGN §4): a directive may require units to issue an implementing plan by a
-- due date. The requirement is part of the document (columns below); on ISSUE it becomes one row per
-- target unit valid on the issue date, so that coverage is a plain scan of one directive's rows and
-- stays fast for a directive owed by all 3,321 communes.
--  * a row is fulfilled by the first issued document of its unit that IMPLEMENTS the directive;
--    the fulfilling document and its issue date are copied here, so the four states of Decision
--    42/2014 are computed from this row alone against any as-of date;
--  * when a unit is closed by a restructuring, its open rows are not rewritten: they are marked
--    passed on (passed_on) and its successor gets a row of its own that names where it came from
--    (transferred_from_unit_id), so history stays attributed to the unit as it was.
alter table directive
  add column obligation_targets  text check (obligation_targets in ('RECIPIENTS','CHILD_UNITS_OF_KIND')),
  add column obligation_kind     text check (obligation_kind in ('CENTRAL','PROVINCE','DISTRICT','COMMUNE','DEPARTMENT','OTHER')),
  add column obligation_due_date date,
  add constraint directive_obligation_complete check ((obligation_targets is null) = (obligation_due_date is null)),
  -- a kind exactly when the targets are the issuer's children of that kind
  add constraint directive_obligation_kind check (
    (obligation_kind is null) = (obligation_targets is distinct from 'CHILD_UNITS_OF_KIND'));

create table directive_obligation (
  id                        uuid primary key,
  directive_id              uuid not null references directive(id) on delete cascade,
  unit_id                   uuid not null references org_unit(id),
  due_date                  date not null,
  transferred_from_unit_id  uuid references org_unit(id),
  transferred_on            date,
  -- set when the unit was closed and its open obligation passed to its successor(s)
  passed_on                 date,
  fulfilled_by_id           uuid references directive(id) on delete set null,
  fulfilled_on              date,
  created_at                timestamptz not null,
  unique (directive_id, unit_id),
  check ((transferred_from_unit_id is null) = (transferred_on is null)),
  check ((fulfilled_by_id is null) = (fulfilled_on is null)),
  check (passed_on is null or fulfilled_by_id is null),
  check (transferred_from_unit_id is null or transferred_from_unit_id <> unit_id)
);
-- coverage: the live rows of one directive, with what decides their state
create index directive_obligation_coverage on directive_obligation (directive_id, fulfilled_on, due_date)
  where passed_on is null;
-- fulfilment and restructuring: the open rows of a unit
create index directive_obligation_open on directive_obligation (unit_id, directive_id)
  where passed_on is null and fulfilled_by_id is null;
create index directive_obligation_fulfilled_by on directive_obligation (fulfilled_by_id)
  where fulfilled_by_id is not null;
