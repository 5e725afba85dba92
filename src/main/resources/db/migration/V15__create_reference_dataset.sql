-- Why: the national data set is loaded at most once per content. Remembering which content was
-- loaded lets every later start skip it with one primary-key lookup, instead of building its
-- ~20,000 rows and comparing their ids with the tables (1.3-1.6 s on every start).
create table reference_dataset (
  name         text primary key,
  -- SHA-256 of the shipped reference files and of the loader's revision
  fingerprint  text not null,
  loaded_at    timestamptz not null default now()
);
