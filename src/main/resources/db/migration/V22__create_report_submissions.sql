-- Report submissions (issue 11 §4): one report of one unit for one period of a regime, made on the
-- template version the regime names. The row holds the working copy (values and narrative texts,
-- edited while DRAFT or RETURNED); each SUBMIT freezes an immutable report_submission_version, which
-- is what the collecting unit returns or accepts and what consolidation reads.
--  * values: {"<indicator code>": {"value": <number|string|boolean|null>, "computed": <same|null>,
--    "source": {"kind", "param"}|null, "computedAt": <instant>|null}}: the entered value and, for an
--    indicator with a source, the value the system computed and when (its provenance);
--  * narratives: {"<section code>": "<text>"} for the template's narrative sections;
--  * due_date and lock_date are those of the unit's level in the period when the row was created
--    (recomputed when the calendar changes); late is decided at the first SUBMIT, in Asia/Ho_Chi_Minh;
--  * org_unit_path is the unit's ancestors (root..unit) on the period's first day: scope filters;
--    collecting_unit_path the collecting unit's: the collecting unit's managers return and accept.
create table report_submission (
  id                    uuid primary key,
  regime_id             uuid not null references reporting_regime(id),
  period                text not null check (period ~ '^[0-9]{4}([MQSAN][0-9]{1,2})?$'),
  org_unit_id           uuid not null references org_unit(id),
  org_unit_path         uuid[] not null,
  collecting_unit_id    uuid not null references org_unit(id),
  collecting_unit_path  uuid[] not null,
  -- the level of the chain whose due date applies (RegimeLevelRule.level)
  level                 text not null,
  due_date              date not null,
  lock_date             date not null,
  template_id           uuid not null references report_template(id),
  template_number       int not null check (template_number >= 1),
  status                text not null check (status in ('DRAFT','SUBMITTED','RETURNED','ACCEPTED')),
  "values"              jsonb not null default '{}' check (jsonb_typeof("values") = 'object'),
  narratives            jsonb not null default '{}' check (jsonb_typeof(narratives) = 'object'),
  -- the issued "Báo cáo" (a directive of type BC in the register); read through DirectiveService
  report_document_id    uuid,
  -- the number of the latest frozen version (0: never submitted)
  version_count         int not null default 0 check (version_count >= 0),
  first_submitted_at    timestamptz,
  submitted_at          timestamptz,
  late                  boolean,
  return_comment        text check (length(return_comment) <= 4000),
  accepted_at           timestamptz,
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  version               bigint not null default 0,
  unique (regime_id, period, org_unit_id),
  check (org_unit_path[array_length(org_unit_path, 1)] = org_unit_id),
  -- never submitted: a draft (a reopened report is a draft with versions)
  check (version_count > 0 or status = 'DRAFT'),
  check ((first_submitted_at is null) = (version_count = 0)),
  check ((late is null) = (version_count = 0)),
  check ((status = 'ACCEPTED') = (accepted_at is not null))
);
create index report_submission_unit_path on report_submission using gin (org_unit_path);
create index report_submission_collecting_path on report_submission using gin (collecting_unit_path);
create index report_submission_period on report_submission (regime_id, period, status);
create index report_submission_unit on report_submission (org_unit_id, regime_id, period);

-- The immutable versions: one per SUBMIT, numbered from 1. A version is never changed except for
-- the collecting unit's decision on it (RETURNED with a comment, or ACCEPTED) and when.
create table report_submission_version (
  id                  uuid primary key,
  submission_id       uuid not null references report_submission(id) on delete cascade,
  number              int not null check (number >= 1),
  template_number     int not null check (template_number >= 1),
  "values"            jsonb not null check (jsonb_typeof("values") = 'object'),
  narratives          jsonb not null check (jsonb_typeof(narratives) = 'object'),
  report_document_id  uuid,
  submitted_at        timestamptz not null,
  -- the subject of the official who submitted (as audit_event.actor)
  submitted_by        text not null,
  late                boolean not null,
  decision            text check (decision in ('RETURNED','ACCEPTED')),
  decided_at          timestamptz,
  decision_comment    text check (length(decision_comment) <= 4000),
  check ((decision is null) = (decided_at is null)),
  unique (submission_id, number)
);
-- consolidation reads the latest accepted (or submitted) version of each submission
create index report_submission_version_accepted on report_submission_version (submission_id, number desc)
  where decision = 'ACCEPTED';
