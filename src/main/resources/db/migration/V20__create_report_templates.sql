-- Report templates (issue 11 §2): the form a unit fills in for a period ("Báo cáo kết quả thực hiện
-- công tác dân vận chính quyền"). A template is versioned: the latest version is either a DRAFT,
-- edited in place, or PUBLISHED and frozen; a change after publication is a new version, and the
-- version it replaces becomes SUPERSEDED. Submissions (later) name the version they were made on.
-- The sections and indicators of a version are one JSONB document, validated by the service
-- (ReportTemplateValidator) before it is stored and never changed once published; consolidation
-- reads a version's indicators by code from that document.
create table report_template (
  id              uuid primary key,
  code            text not null check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,49}$'),
  name            text not null check (length(name) between 1 and 500),
  -- the unit whose managers write the template; none: written by admins only
  owner_unit_id   uuid references org_unit(id),
  -- the owner's ancestors (root..unit) when it was named: subtree filters of the list
  owner_unit_path uuid[],
  -- the number and status of the latest version (the list's status filter)
  latest_number   int not null check (latest_number >= 1),
  status          text not null check (status in ('DRAFT','PUBLISHED')),
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  version         bigint not null default 0,
  check ((owner_unit_id is null) = (owner_unit_path is null))
);
create unique index report_template_code on report_template (code);
create index report_template_owner_path on report_template using gin (owner_unit_path);
create index report_template_fold on report_template
  using gin (danvan_fold(code || ' ' || name) gin_trgm_ops);

create table report_template_version (
  id            uuid primary key,
  template_id   uuid not null references report_template(id) on delete cascade,
  number        int not null check (number >= 1),
  status        text not null check (status in ('DRAFT','PUBLISHED','SUPERSEDED')),
  name          text not null check (length(name) between 1 and 500),
  name_en       text check (length(name_en) <= 500),
  description   text check (length(description) <= 4000),
  sections      jsonb not null check (jsonb_typeof(sections) = 'array'),
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  published_at  timestamptz,
  check ((status = 'DRAFT') = (published_at is null)),
  unique (template_id, number)
);
-- at most one draft per template: the latest version
create unique index report_template_one_draft on report_template_version (template_id) where status = 'DRAFT';
