-- Obligation notices (issue 14 §1): the agenda's scan records, once per obligation, that it fell
-- due soon or became overdue; each row inserted writes an audit event and a change-log entry
-- (OBLIGATION_DUE_SOON, OBLIGATION_OVERDUE) in the same transaction, which the change feed and the
-- webhook relay deliver. Owned by the agenda: the obligation itself stays its feature's; a notice
-- copies what the feature's ObligationSource answered at the scan, never personal data.
create table obligation_notice (
  id             uuid primary key,
  -- the agenda's ObligationKind and the obligation's id within it
  kind           text not null,
  obligation_id  uuid not null,
  event          text not null check (event in ('DUE_SOON','OVERDUE')),
  due_date       date not null,
  -- the owing unit and its path on the scan's day (the record's scope is checked against today's
  -- tree, from unit_id; the change-log entry keeps the path of its writing, like every entry)
  unit_id        uuid not null,
  unit_path      uuid[] not null,
  title          text not null,
  href           text not null,
  -- the business day (Viet Nam) of the scan that found it
  noticed_on     date not null,
  created_at     timestamptz not null default now(),
  -- once per obligation, event and due date: a moved due date (an extension) notifies again
  unique (kind, obligation_id, event, due_date)
);
