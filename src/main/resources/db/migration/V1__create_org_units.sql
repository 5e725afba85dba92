-- The effective-dated tree of government units (DESIGN §3).
-- A unit keeps one identity (org_unit) for its whole life; what changes over time (name, code,
-- parent) lives in org_unit_version rows whose validity ranges never overlap for one unit.
-- Restructuring closes and opens versions and records lineage; history is never rewritten.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

-- unaccent() is only STABLE (it depends on the dictionary setting); pinning the dictionary makes
-- the fold immutable so it can back expression indexes. Text is first brought to NFC, since
-- Vietnamese arrives both precomposed and with combining marks; Đ/đ fold to d.
create function danvan_fold(t text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, normalize(t, NFC))) $$;

create table org_unit (
  id           uuid primary key,
  kind         text not null check (kind in ('CENTRAL','PROVINCE','DISTRICT','COMMUNE','DEPARTMENT','OTHER')),
  valid_from   date not null,
  valid_to     date,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  version      bigint not null default 0,
  check (valid_to is null or valid_to >= valid_from)
);

create table org_unit_version (
  id           uuid primary key,
  unit_id      uuid not null references org_unit(id) on delete cascade,
  kind         text not null,
  name         text not null check (length(name) between 1 and 300),
  short_name   text check (length(short_name) <= 100),
  code         text check (length(code) <= 50),
  parent_id    uuid references org_unit(id),
  -- ancestors from the root down to the unit itself, as they stood during this version
  path         uuid[] not null,
  depth        int not null,
  valid_from   date not null,
  valid_to     date,
  check (valid_to is null or valid_to >= valid_from),
  check (path[array_length(path, 1)] = unit_id),
  -- one version of a unit per day
  exclude using gist (unit_id with =, daterange(valid_from, valid_to, '[]') with &&),
  -- an official code identifies a unit only within its kind and validity period (codes are reused)
  exclude using gist (kind with =, code with =, daterange(valid_from, valid_to, '[]') with &&)
    where (code is not null)
);
create index org_unit_version_unit on org_unit_version (unit_id, valid_from);
create index org_unit_version_parent on org_unit_version (parent_id, valid_from);
create index org_unit_version_path on org_unit_version using gin (path);
create index org_unit_version_name on org_unit_version (name, unit_id);
create index org_unit_version_fold on org_unit_version using gin (danvan_fold(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(code, '')) gin_trgm_ops);

create table org_unit_restructuring (
  id             uuid primary key,
  kind           text not null check (kind in ('MERGE','SPLIT','RENAME','MOVE','DISSOLVE')),
  effective_date date not null,
  legal_basis    text not null,
  note           text,
  request        jsonb not null,
  created_by     text not null,
  created_at     timestamptz not null default now()
);

create table org_unit_lineage (
  id                uuid primary key,
  predecessor_id    uuid not null references org_unit(id),
  successor_id      uuid not null references org_unit(id),
  kind              text not null check (kind in ('FULL','PART')),
  effective_date    date not null,
  restructuring_id  uuid references org_unit_restructuring(id),
  check (predecessor_id <> successor_id),
  unique (predecessor_id, successor_id, effective_date)
);
create index org_unit_lineage_successor on org_unit_lineage (successor_id);
create index org_unit_lineage_predecessor on org_unit_lineage (predecessor_id);

-- The roots of the scope of a user whose home unit is `home`: the home unit and, transitively, the
-- predecessors of every unit that ever stood below a root. History stays visible to the body that
-- inherited it; it does not depend on the day of the query.
create function danvan_scope_roots(home uuid) returns uuid[]
  language sql stable parallel safe
  as $$
    with recursive roots(id) as (
      select home
      union
      select l.predecessor_id
        from roots r
        join org_unit_version v on v.path @> array[r.id]
        join org_unit_lineage l on l.successor_id = v.unit_id
    )
    select array_agg(id) from roots
  $$;

-- The units such a user may see: every unit that ever stood below one of the roots.
create function danvan_scope_units(home uuid) returns setof uuid
  language sql stable parallel safe
  as $$
    -- the scalar subquery runs once; a bare function call here would run once per row
    select distinct v.unit_id from org_unit_version v where v.path && (select danvan_scope_roots(home))
  $$;

-- Any change to the tree (versions or lineage, by the service or by a bulk load) bumps one
-- revision number; caches of derived data (the scope roots of a home unit) are keyed by it, so a
-- replica never serves roots computed from an older tree.
create table org_unit_tree_revision (
  id        int primary key check (id = 1),
  revision  bigint not null
);
insert into org_unit_tree_revision values (1, 0);

create function danvan_bump_tree_revision() returns trigger
  language plpgsql
  as $$ begin update org_unit_tree_revision set revision = revision + 1 where id = 1; return null; end $$;

create trigger org_unit_version_revision after insert or update or delete or truncate on org_unit_version
  for each statement execute function danvan_bump_tree_revision();
create trigger org_unit_lineage_revision after insert or update or delete or truncate on org_unit_lineage
  for each statement execute function danvan_bump_tree_revision();
