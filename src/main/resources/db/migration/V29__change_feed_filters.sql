-- The change feed filtered by entity type (issue 12): a reader of a few types walks each type's
-- entries in feed order, one index range per type that stops after the page, instead of scanning
-- every entry of the other types (change_log_unit serves the unit filter the same way).
create index change_log_type on change_log (entity_type, txid, seq);

-- The identity of this installation's feed: a cursor carries it, so that a cursor of another
-- instance (e.g. the province's cursor sent to the national instance) is refused instead of
-- silently skipping or repeating changes. Restarts, replicas and physical backups of the same
-- database keep it.
create table change_feed_origin (
  id         uuid primary key,
  created_at timestamptz not null default now(),
  singleton  boolean not null default true unique check (singleton)
);
insert into change_feed_origin (id) values (gen_random_uuid());
