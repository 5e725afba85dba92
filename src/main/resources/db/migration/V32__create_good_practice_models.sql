-- "Dân vận khéo" models of good practice (issue 14 §2): a unit (or several units together)
-- registers a model in a field, implements it, gets it recognised by a decision of some level, and
-- other units replicate it. Read and written only by the models feature (vn.danvan.models).
create table good_practice_model (
  id                        uuid primary key,
  lead_unit_id              uuid not null references org_unit(id),
  -- the co-units in the order given (also rows of good_practice_model_unit)
  co_unit_ids               uuid[] not null default '{}',
  field                     text not null check (field in ('ECONOMY','CULTURE_SOCIETY',
    'DEFENCE_SECURITY','POLITICAL_SYSTEM','ADMINISTRATIVE_REFORM','OTHER')),
  title                     text not null check (length(title) between 1 and 500),
  description               text check (length(description) <= 10000),
  start_date                date not null,
  registered_on             date not null,
  registration_year         int not null generated always as (extract(year from registered_on)::int) stored,
  people_reached            int check (people_reached between 0 and 100000000),
  households_reached        int check (households_reached between 0 and 30000000),
  results                   text check (length(results) <= 10000),
  -- [{label, value, unit}]
  result_figures            jsonb not null default '[]' check (jsonb_typeof(result_figures) = 'array'),
  -- [{unitId, adoptedOn, note}]: other units that adopted the model
  replications              jsonb not null default '[]' check (jsonb_typeof(replications) = 'array'),
  status                    text not null
    check (status in ('REGISTERED','IMPLEMENTING','RECOGNISED','DISCONTINUED')),
  implementing_since        date,
  discontinued_on           date,
  recognition_level         text check (recognition_level in ('COMMUNE','DISTRICT','PROVINCE','CENTRAL')),
  -- the deciding document of the register (read through DirectiveService)
  recognition_directive_id  uuid,
  recognition_date          date,
  created_at                timestamptz not null,
  updated_at                timestamptz not null,
  version                   bigint not null default 0,
  check ((status = 'RECOGNISED') = (recognition_level is not null)),
  check ((recognition_level is null) = (recognition_date is null)),
  check ((status = 'DISCONTINUED') = (discontinued_on is not null)),
  check (recognition_level <> 'DISTRICT' or recognition_date < date '2025-07-01')
);
create index good_practice_model_order on good_practice_model (registered_on desc, id desc);
create index good_practice_model_year on good_practice_model (registration_year, field);
create index good_practice_model_fold on good_practice_model
  using gin (danvan_fold(title || ' ' || coalesce(description, '')) gin_trgm_ops);

-- The units of a model (the lead unit and its co-units), each with its path from the root (the unit
-- itself last) when written: the unit filters and the scope match a model when any of its units
-- matches; the statistics group a model under the child unit of each of its units.
create table good_practice_model_unit (
  model_id   uuid not null references good_practice_model(id) on delete cascade,
  unit_id    uuid not null references org_unit(id),
  unit_path  uuid[] not null,
  lead       boolean not null,
  primary key (model_id, unit_id)
);
create index good_practice_model_unit_unit on good_practice_model_unit (unit_id);
create index good_practice_model_unit_path on good_practice_model_unit using gin (unit_path);
