-- Every mutation leaves an audit event (who, when, what, before/after) and a change-log entry in
-- the same transaction as the change itself (DESIGN §8, §9).
create table audit_event (
  id           uuid primary key,
  occurred_at  timestamptz not null,
  actor        text not null,
  action       text not null,
  entity_type  text not null,
  entity_id    uuid not null,
  unit_id      uuid,
  -- the owning unit's ancestors (root..unit) when the event was written: scope checks survive
  -- the deletion or later moves of the unit
  unit_path    uuid[],
  before       jsonb,
  after        jsonb,
  reason       text
);
create index audit_event_entity on audit_event (entity_type, entity_id, occurred_at, id);
create index audit_event_actor on audit_event (actor, occurred_at, id);
create index audit_event_time on audit_event (occurred_at, id);
create index audit_event_path on audit_event using gin (unit_path);

-- The change feed is read in (txid, seq) order and only below the oldest running transaction
-- (pg_snapshot_xmin), so a reader never skips a change of a transaction that commits late.
create table change_log (
  seq          bigint generated always as identity,
  txid         xid8 not null default pg_current_xact_id(),
  entity_type  text not null,
  entity_id    uuid not null,
  operation    text not null check (operation in ('UPSERT','DELETE')),
  entity_version bigint,
  unit_id      uuid,
  unit_path    uuid[],
  changed_at   timestamptz not null default now(),
  primary key (txid, seq)
);
create index change_log_unit on change_log (unit_id, txid, seq);
create index change_log_path on change_log using gin (unit_path);
